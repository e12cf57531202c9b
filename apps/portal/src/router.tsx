import { createBrowserRouter } from 'react-router';
import { ApiKeysPage, apiKeysAction, apiKeysLoader } from './routes/api-keys';
import { AcceptInvitePage, acceptInviteAction, acceptInviteLoader } from './routes/accept-invite';
import { AppLayout, appLoader } from './routes/app-layout';
import { BrandHomePage, brandHomeLoader } from './routes/brand-home';
import { BulkNoticesPage, bulkNoticesAction, bulkNoticesLoader } from './routes/bulk-notices';
import { IpRightsPage, ipRightsAction, ipRightsLoader } from './routes/ip-rights';
import {
  NewNoticePage,
  newNoticeAction,
  newNoticeLoader,
  newNoticeShouldRevalidate,
} from './routes/new-notice';
import { NoticeDetailPage, noticeDetailAction, noticeDetailLoader } from './routes/notice-detail';
import { NoticesPage, noticesLoader } from './routes/notices';
import { NotificationsPage, notificationsAction, notificationsLoader } from './routes/notifications';
import { ProductsPage, productsAction, productsLoader } from './routes/products';
import { NotFoundPage } from './routes/not-found';
import { MessagesPage, messagesLoader } from './routes/messages';
import { AppealsPage, appealsLoader } from './routes/appeals';
import { AppealDetailPage, appealDetailAction, appealDetailLoader } from './routes/appeal-detail';
import { GftStandingPage, gftStandingLoader } from './routes/gft-standing';
import { AuthRequestsPage, authOpenCountLoader, authRequestsAction, authRequestsLoader } from './routes/auth-requests';
import { AuthRequestDetailPage, authRequestDetailAction, authRequestDetailLoader } from './routes/auth-request-detail';
import {
  MessageThreadPage,
  messageThreadAction,
  messageThreadLoader,
  NewThreadPage,
  newThreadAction,
} from './routes/message-thread';
import {
  NotificationSettingsPage,
  notificationSettingsAction,
  notificationSettingsLoader,
} from './routes/notification-settings';
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
        { index: true, loader: brandHomeLoader, Component: BrandHomePage },
        { path: 'ip-rights', loader: ipRightsLoader, action: ipRightsAction, Component: IpRightsPage },
        { path: 'products', loader: productsLoader, action: productsAction, Component: ProductsPage },
        { path: 'notices', loader: noticesLoader, Component: NoticesPage },
        {
          path: 'notices/new',
          loader: newNoticeLoader,
          action: newNoticeAction,
          shouldRevalidate: newNoticeShouldRevalidate,
          Component: NewNoticePage,
        },
        {
          path: 'notices/:noticeId',
          loader: noticeDetailLoader,
          action: noticeDetailAction,
          Component: NoticeDetailPage,
        },
        {
          path: 'bulk-notices',
          loader: bulkNoticesLoader,
          action: bulkNoticesAction,
          Component: BulkNoticesPage,
        },
        {
          path: 'notifications',
          loader: notificationsLoader,
          action: notificationsAction,
          Component: NotificationsPage,
        },
        {
          path: 'notifications/settings',
          loader: notificationSettingsLoader,
          action: notificationSettingsAction,
          Component: NotificationSettingsPage,
        },
        { path: 'messages', loader: messagesLoader, Component: MessagesPage },
        { path: 'appeals', loader: appealsLoader, Component: AppealsPage },
        { path: 'appeals/:appealId', loader: appealDetailLoader, action: appealDetailAction, Component: AppealDetailPage },
        { path: 'authentication', loader: authRequestsLoader, action: authRequestsAction, Component: AuthRequestsPage },
        // A loader only, for the count beside "Authentication requests" in the navigation.
        { path: 'authentication/open-count', loader: authOpenCountLoader },
        {
          path: 'authentication/:requestId',
          loader: authRequestDetailLoader,
          action: authRequestDetailAction,
          Component: AuthRequestDetailPage,
        },
        { path: 'gft', loader: gftStandingLoader, Component: GftStandingPage },
        // The only page with charts: it and recharts load when it is first opened, not with the portal.
        { path: 'transparency', lazy: () => import('./routes/transparency') },
        { path: 'messages/new', action: newThreadAction, Component: NewThreadPage },
        {
          path: 'messages/:threadId',
          loader: messageThreadLoader,
          action: messageThreadAction,
          Component: MessageThreadPage,
        },
        { path: 'users', loader: usersLoader, action: usersAction, Component: UsersPage },
        { path: 'api-keys', loader: apiKeysLoader, action: apiKeysAction, Component: ApiKeysPage },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ],
  { basename: '/portal' },
);
