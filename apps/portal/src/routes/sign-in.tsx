import {
  Form,
  redirect,
  useActionData,
  useNavigation,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { AuthShell } from '../components/auth-shell';
import { TextField } from '../components/text-field';
import { fetchMe, safeNext } from '../session';
import { setCsrfToken, toFormError, trpc, type FormError } from '../trpc';

/** Someone already signed in skips the form, unless they just activated another account here. */
export async function signInLoader({ request }: LoaderFunctionArgs) {
  const me = await fetchMe().catch(() => null);
  if (me && !new URL(request.url).searchParams.has('accepted')) throw redirect('/');
  return null;
}

export async function signInAction({ request }: ActionFunctionArgs): Promise<FormError> {
  const form = await request.formData();
  try {
    const result = await trpc.auth.signIn.mutate({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setCsrfToken(result.csrfToken);
  } catch (error) {
    return toFormError(error, ['email', 'password']);
  }
  throw redirect(safeNext(new URL(request.url).searchParams.get('next')));
}

export function SignInPage() {
  const error = useActionData<typeof signInAction>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const submitting = navigation.state === 'submitting';
  const invitedEmail = params.get('accepted');
  const signedOutEverywhere = params.get('signed-out') === 'everywhere';
  return (
    <AuthShell title="Sign in">
      {invitedEmail && !error && (
        <StatusMessage>
          Your account is ready. Sign in with {invitedEmail} and your new password.
        </StatusMessage>
      )}
      {signedOutEverywhere && !error && (
        <StatusMessage>You are signed out in every browser and on every device.</StatusMessage>
      )}
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      <Form method="post" noValidate className="stack">
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={invitedEmail ?? undefined}
          errors={error?.fieldIssues.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={error?.fieldIssues.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          Sign in
        </button>
      </Form>
      <p className="muted small">
        Joint Force staff sign in to the <a href="/admin/">admin back office</a>.
      </p>
    </AuthShell>
  );
}
