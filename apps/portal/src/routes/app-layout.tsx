import { Outlet, useLoaderData, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { StaffNotice } from '../components/staff-notice';
import { TopBar } from '../components/top-bar';
import { fetchMe, isBrandUser, signInRedirect } from '../session';
import type { Me } from '../trpc';

/** Every signed-in page goes through here: anonymous visitors are sent to the sign-in page. */
export async function appLoader({ request }: LoaderFunctionArgs): Promise<Me> {
  const me = await fetchMe();
  if (!me) throw signInRedirect(request);
  return me;
}

export function AppLayout() {
  const me = useLoaderData<typeof appLoader>();
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar me={me} />
      <main id="main" className="page" aria-busy={navigation.state === 'loading' || undefined}>
        {isBrandUser(me) ? <Outlet /> : <StaffNotice me={me} />}
      </main>
    </>
  );
}
