import { Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs } from 'react-router';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationKind } from '@jf/domain';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { brandLoader } from '../session';
import { toFormError, trpc, type FormError, type NotificationPreferences } from '../trpc';

export const notificationSettingsLoader = brandLoader(async (): Promise<NotificationPreferences> =>
  trpc.notificationPreferences.get.query(),
);

const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  message: { label: 'Messages', hint: 'Your account manager wrote to you.' },
  notice_item_state: { label: 'Notice updates', hint: 'A listing was removed, rejected, needs information or was reinstated; IP-right decisions.' },
  auth_request: { label: 'Authentication requests', hint: 'We need you to say whether a listing is genuine, and reminders before a request expires.' },
  gft_status: { label: 'Good Faith Takedown status', hint: 'Your brand became eligible, was enrolled or suspended.' },
  bulk_job: { label: 'Bulk notices', hint: 'A bulk notice file finished processing.' },
};
const CHANNEL_LABELS = { inApp: 'In the portal', email: 'By e-mail' } as const;

export async function notificationSettingsAction({ request }: ActionFunctionArgs): Promise<({ ok: true } | ({ ok: false } & FormError))> {
  const form = await request.formData();
  const preferences = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, { inApp: form.has(`${kind}.inApp`), email: form.has(`${kind}.email`) }]),
  );
  try {
    await trpc.notificationPreferences.update.mutate({ preferences });
    return { ok: true };
  } catch (error) {
    return { ok: false, ...toFormError(error) };
  }
}

export function NotificationSettingsPage() {
  const preferences = useLoaderData<typeof notificationSettingsLoader>();
  const result = useActionData<typeof notificationSettingsAction>();
  const navigation = useNavigation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/notifications">Notifications</Link>
      </p>
      <div className="page-header">
        <h1>Notification settings</h1>
        <p className="muted">Choose how each kind of news reaches you. These settings are yours alone; your colleagues choose their own.</p>
      </div>
      {result && navigation.state === 'idle' && (result.ok ? <StatusMessage>Your settings are saved.</StatusMessage> : <ErrorAlert>{result.message}</ErrorAlert>)}
      <section className="card">
        <Form method="post">
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  {NOTIFICATION_CHANNELS.map((channel) => (
                    <th key={channel} scope="col" className="centered">
                      {CHANNEL_LABELS[channel]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">
                      {KIND_LABELS[kind].label}
                      <span className="muted small block">{KIND_LABELS[kind].hint}</span>
                    </th>
                    {NOTIFICATION_CHANNELS.map((channel) => (
                      <td key={channel} className="centered">
                        <input
                          type="checkbox"
                          name={`${kind}.${channel}`}
                          defaultChecked={preferences[kind][channel]}
                          aria-label={`${KIND_LABELS[kind].label}: ${CHANNEL_LABELS[channel]}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="settings-actions">
            <button type="submit" className="button button-primary" disabled={navigation.state === 'submitting'}>
              Save settings
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
