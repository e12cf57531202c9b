import { useEffect, useRef, useState } from 'react';
import {
  Form,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
} from 'react-router';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { TextField } from '../components/text-field';
import { formatDate, roleLabel, STATUS_LABELS } from '../format';
import { useMe } from '../session';
import { errorCode, toFormError, trpc, type BrandUser, type FormError } from '../trpc';

export async function usersLoader(): Promise<BrandUser[]> {
  try {
    return await trpc.brandUsers.list.query();
  } catch (error) {
    // Staff accounts reach this route too; the layout shows them a pointer to the back office instead.
    if (errorCode(error) === 'FORBIDDEN') return [];
    throw error;
  }
}

type InviteResult =
  { ok: true; email: string; name: string; inviteUrl: string } | ({ ok: false } & FormError);
type StatusResult = { ok: true } | ({ ok: false } & FormError);

/** The invite form posts here; row buttons post `intent` = deactivate | reactivate with a userId. */
export async function usersAction({ request }: ActionFunctionArgs): Promise<InviteResult | StatusResult> {
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'invite') {
      const { user, invitePath } = await trpc.brandUsers.invite.mutate({
        name: String(form.get('name') ?? ''),
        email: String(form.get('email') ?? ''),
      });
      return {
        ok: true,
        email: user.email,
        name: user.name ?? user.email,
        inviteUrl: new URL(invitePath, window.location.origin).href,
      };
    }
    const userId = String(form.get('userId') ?? '');
    if (intent === 'deactivate') await trpc.brandUsers.deactivate.mutate({ userId });
    else if (intent === 'reactivate') await trpc.brandUsers.reactivate.mutate({ userId });
    else return { ok: false, message: 'Unknown action', fieldIssues: {} };
    return { ok: true };
  } catch (error) {
    return { ok: false, ...toFormError(error, ['name', 'email']) };
  }
}

export function UsersPage() {
  const me = useMe();
  const users = useLoaderData<typeof usersLoader>();
  const isAdmin = me.user.role === 'brand_admin';
  return (
    <>
      <div className="page-header">
        <h1>Users</h1>
        <p className="muted">
          {isAdmin
            ? `People who can use the ${me.brand!.name} portal. Invite brand agents and switch their access off or on.`
            : `People who can use the ${me.brand!.name} portal. Only a brand admin can invite or deactivate users.`}
        </p>
      </div>
      {isAdmin && <InviteForm />}
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Team members</h2>
        <UsersTable users={users} canManage={isAdmin} myId={me.user.id} />
      </section>
    </>
  );
}

function InviteForm() {
  const result = useActionData<typeof usersAction>() as InviteResult | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invite';
  const invited = result?.ok ? result : null;
  const failure = result && !result.ok ? result : null;

  useEffect(() => {
    if (invited) formRef.current?.reset();
  }, [invited]);

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a brand agent</h2>
      <p className="muted small">
        You get a one-time link to pass on to them. It works once, for 7 days, and is not shown again.
      </p>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      {invited && <InviteLink name={invited.name} email={invited.email} url={invited.inviteUrl} />}
      <Form method="post" noValidate className="inline-form" ref={formRef}>
        <input type="hidden" name="intent" value="invite" />
        <TextField label="Name" name="name" autoComplete="off" required errors={failure?.fieldIssues.name} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          required
          errors={failure?.fieldIssues.email}
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          Send invite
        </button>
      </Form>
    </section>
  );
}

function InviteLink({ name, email, url }: { name: string; email: string; url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (e.g. insecure origin); the link stays selectable.
      setCopied(false);
    }
  };
  return (
    <StatusMessage>
      <p>
        <strong>{name}</strong> ({email}) is invited. Give them this one-time link to set their password:
      </p>
      <div className="copy-row">
        <code className="invite-link">{url}</code>
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </StatusMessage>
  );
}

function UsersTable({ users, canManage, myId }: { users: BrandUser[]; canManage: boolean; myId: string }) {
  if (users.length === 0) return <p>No users yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                {user.name ?? '—'}
                {user.id === myId && <span className="muted"> (you)</span>}
              </th>
              <td>{user.email}</td>
              <td className="nowrap">{roleLabel(user.role)}</td>
              <td>
                <span className={`badge badge-status-${user.status}`}>{STATUS_LABELS[user.status]}</span>
              </td>
              <td className="nowrap">
                {formatDate(user.lastSignInAt) ?? <span className="muted">Never</span>}
              </td>
              {canManage && (
                <td className="actions">
                  <UserActions user={user} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Deactivate / Reactivate for agents, each row with its own fetcher so its error stays beside it. */
function UserActions({ user }: { user: BrandUser }) {
  const fetcher = useFetcher<StatusResult>();
  if (user.role !== 'brand_agent') return null;
  const busy = fetcher.state !== 'idle';
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const intent = user.status === 'deactivated' ? 'reactivate' : 'deactivate';
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="userId" value={user.id} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={intent === 'deactivate' ? 'button button-danger' : 'button'}
        disabled={busy}
      >
        {intent === 'deactivate' ? 'Deactivate' : 'Reactivate'}
      </button>
      {failure && !busy && <ErrorAlert>{failure.message}</ErrorAlert>}
    </fetcher.Form>
  );
}
