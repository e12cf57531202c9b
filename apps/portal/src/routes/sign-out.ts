import { redirect } from 'react-router';
import { setCsrfToken, trpc } from '../trpc';

/** Ends the session on the server; an already expired session still lands on the sign-in page. */
export async function signOutAction() {
  await trpc.auth.signOut.mutate().catch(() => undefined);
  setCsrfToken(null);
  return redirect('/sign-in');
}
