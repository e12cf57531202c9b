import {
  Form,
  Link,
  redirect,
  useActionData,
  useNavigation,
  useSearchParams,
  type ActionFunctionArgs,
} from 'react-router';
import { ErrorAlert } from '../components/alert';
import { AuthShell } from '../components/auth-shell';
import { TextField } from '../components/text-field';
import { fetchMe } from '../session';
import { toFormError, trpc, type FormError } from '../trpc';

const PASSWORD_MIN_LENGTH = 12;

/**
 * Someone may open the link in a browser that is still signed in (a brand admin checking it): the
 * API then wants that session's CSRF token even on this public mutation, so fetch it first.
 */
export async function acceptInviteLoader() {
  await fetchMe().catch(() => null);
  return null;
}

export async function acceptInviteAction({ request }: ActionFunctionArgs): Promise<FormError> {
  const form = await request.formData();
  let email: string;
  try {
    ({ email } = await trpc.auth.acceptInvite.mutate({
      token: new URL(request.url).searchParams.get('token') ?? '',
      name: String(form.get('name') ?? ''),
      password: String(form.get('password') ?? ''),
    }));
  } catch (error) {
    const failure = toFormError(error, ['name', 'password']);
    // A bad token is nothing the form can fix: say so plainly instead of naming a hidden field.
    if (failure.fieldIssues.token && failure.message.startsWith('Invalid input')) {
      failure.message =
        'This invitation link is not valid. Open the link exactly as you received it, or ask your brand admin for a new one.';
    }
    return failure;
  }
  throw redirect(`/sign-in?accepted=${encodeURIComponent(email)}`);
}

/** The page behind an invite link: the new agent picks the name shown to colleagues and a password. */
export function AcceptInvitePage() {
  const error = useActionData<typeof acceptInviteAction>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const token = params.get('token');

  if (!token) {
    return (
      <AuthShell title="Accept your invitation">
        <ErrorAlert>
          This page needs the invitation link your brand admin gave you. Open that link again, or ask them for
          a new one.
        </ErrorAlert>
        <p>
          <Link to="/sign-in">Go to sign-in</Link>
        </p>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Accept your invitation">
      <p>Set your name and a password to activate your account on the brand portal.</p>
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      <Form method="post" noValidate className="stack">
        <TextField label="Name" name="name" autoComplete="name" required errors={error?.fieldIssues.name} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is best.`}
          errors={error?.fieldIssues.password}
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={navigation.state === 'submitting'}
        >
          Activate account
        </button>
      </Form>
      <p className="muted small">
        Already active? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthShell>
  );
}
