import { createBrowserRouter } from 'react-router';
import { AcceptInvitePage, acceptInviteAction, acceptInviteLoader } from './routes/accept-invite';
import { AppLayout, appLoader } from './routes/app-layout';
import { BrandHomePage } from './routes/brand-home';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SignInPage, signInAction, signInLoader } from './routes/sign-in';
import { signOutAction } from './routes/sign-out';
import { UsersPage, usersAction, usersLoader } from './routes/users';
import { Loading } from './components/loading';
import { APP_ROUTE_ID } from './session';

export const router = createBrowserRouter(
  [
    {
      path: '/sign-in',
      loader: signInLoader,
      action: signInAction,
      Component: SignInPage,
      ErrorBoundary: RouteError,
      HydrateFallback: Loading,
    },
    {
      path: '/accept-invite',
      loader: acceptInviteLoader,
      action: acceptInviteAction,
      Component: AcceptInvitePage,
      ErrorBoundary: RouteError,
      HydrateFallback: Loading,
    },
    { path: '/sign-out', action: signOutAction },
    {
      id: APP_ROUTE_ID,
      path: '/',
      loader: appLoader,
      Component: AppLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: Loading,
      children: [
        { index: true, Component: BrandHomePage },
        { path: 'users', loader: usersLoader, action: usersAction, Component: UsersPage },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ],
  { basename: '/portal' },
);
