import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
} from 'react-router';
import { ErrorAlert } from '../components/alert';
import { formatDateTime, plural } from '../format';
import { brandLoader } from '../session';
import { toFormError, trpc, type FormError, type Notification } from '../trpc';

/** Also loaded by the bell in the top bar, which counts the unread ones. */
export const notificationsLoader = brandLoader(async (): Promise<Notification[]> => {
  return trpc.notifications.list.query();
});

export async function notificationsAction({ request }: ActionFunctionArgs): Promise<FormError | null> {
  const ids = (await request.formData()).getAll('id').map(String);
  if (ids.length === 0) return null;
  try {
    await trpc.notifications.markRead.mutate({ ids });
    return null;
  } catch (error) {
    return toFormError(error);
  }
}

export function NotificationsPage() {
  const notifications = useLoaderData<typeof notificationsLoader>();
  const navigation = useNavigation();
  const unread = notifications.filter((notification) => !notification.readAt);
  return (
    <>
      <div className="page-header page-header-actions">
        <div>
          <h1>Notifications</h1>
          <p className="muted">
            Decisions on your notices and IP rights, messages and changes to your programme.{' '}
            {unread.length ? `${plural(unread.length, 'unread notification')}.` : 'You have read everything.'}
          </p>
        </div>
        <Link to="/notifications/settings" className="button button-quiet">
          Settings
        </Link>
        {unread.length > 0 && (
          <Form method="post">
            {unread.map((notification) => (
              <input key={notification.id} type="hidden" name="id" value={notification.id} />
            ))}
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              Mark all as read
            </button>
          </Form>
        )}
      </div>
      <MarkReadError />
      <section className="card" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading" className="visually-hidden">
          Latest notifications
        </h2>
        {notifications.length === 0 ? (
          <p className="empty">No notifications yet. Decisions on your notices will appear here.</p>
        ) : (
          <ul className="notification-list">
            {notifications.map((notification) => (
              <li key={notification.id} className={notification.readAt ? undefined : 'unread'}>
                <div className="notification-head">
                  <h3>
                    {!notification.readAt && <span className="visually-hidden">Unread: </span>}
                    {notification.title}
                  </h3>
                  <time dateTime={notification.createdAt} className="muted small nowrap">
                    {formatDateTime(notification.createdAt)}
                  </time>
                </div>
                {notification.body && <p className="prewrap">{notification.body}</p>}
                <NotificationLink notification={notification} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function MarkReadError() {
  const navigation = useNavigation();
  const error = useActionData<typeof notificationsAction>();
  return error && navigation.state === 'idle' ? <ErrorAlert>{error.message}</ErrorAlert> : null;
}

/** Where a notification's subject can be seen in the portal. */
function NotificationLink({ notification }: { notification: Notification }) {
  switch (notification.entityType) {
    case 'ip_right':
      return <Link to="/ip-rights">See your IP rights</Link>;
    case 'notice':
      return <Link to={`/notices/${notification.entityId}`}>Open the notice</Link>;
    case 'bulk_job':
      return <Link to={`/bulk-notices?job=${notification.entityId}`}>See the bulk notice</Link>;
    case 'notice_item':
      // The notification names the item, not its notice; the list filtered by state is the closest view.
      return <Link to="/notices">See your notices</Link>;
    case 'appeal':
      return <Link to={`/appeals/${notification.entityId}`}>Open the appeal</Link>;
    case 'message_thread':
      return <Link to={`/messages/${notification.entityId}`}>Read the conversation</Link>;
    case 'brand':
      return notification.kind === 'gft_status' ? <Link to="/gft">See your record</Link> : <Link to="/">See your brand’s page</Link>;
    default:
      return null;
  }
}
