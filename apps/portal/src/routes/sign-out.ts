import { redirect, type ActionFunctionArgs } from 'react-router';
import { setCsrfToken, trpc } from '../trpc';

/**
 * Ends the session on the server, or every session of the user (`everywhere`: other browsers and
 * devices too); an already expired session still lands on the sign-in page.
 */
export async function signOutAction({ request }: ActionFunctionArgs) {
  const everywhere = (await request.formData()).get('scope') === 'everywhere';
  await (everywhere ? trpc.auth.signOutEverywhere.mutate() : trpc.auth.signOut.mutate()).catch(() => undefined);
  setCsrfToken(null);
  return redirect(everywhere ? '/sign-in?signed-out=everywhere' : '/sign-in');
}
