import { lazy, Suspense } from 'react';
import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { Dashboard } from './dashboard/dashboard';
import { AppLayout, DETECTION_PATH, NOTIFICATION_SETTINGS_PATH } from './layout/app-layout';
import { LoginPage } from './login-page';
import { authProvider } from './providers/auth';
import { dataProvider } from './providers/data';
import { i18nProvider } from './providers/i18n';
import { auditEventsResource } from './resources/audit-events';
import { agentsResource } from './resources/agents';
import { apiKeysResource } from './resources/api-keys';
import { appealsResource } from './resources/appeals';
import { authRequestsResource } from './resources/auth-requests';
import { brandsResource } from './resources/brands';
import { gftAuditResource } from './resources/gft-audit';
import { ipRightsResource } from './resources/ip-rights';
import { queueResource } from './resources/queue';
import { removalsResource } from './resources/removals';
import { sellersResource } from './resources/sellers';
import { staffResource } from './resources/staff';
import { threadsResource } from './resources/threads';
import { NotificationSettings } from './settings/notification-settings';

// The Detection page carries the charts library: loaded when first opened, like the leadership chart.
const DetectionPage = lazy(() => import('./detection/detection-page').then((module) => ({ default: module.DetectionPage })));

/**
 * Pages check the session themselves (resource pages by default, these two through <Authenticated>).
 * The app-wide `requireAuth` made an anonymous visit loop — check, sign out, clear the cache, check
 * again — about 2,700 times (14 s of CPU) before the sign-in form could be used.
 */
function AuthenticatedDashboard() {
  return (
    <Authenticated>
      <Dashboard />
    </Authenticated>
  );
}

export function App() {
  return (
    <Admin
      title="Joint Force — Admin"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={AuthenticatedDashboard}
      layout={AppLayout}
      disableTelemetry
    >
      <Resource {...queueResource} />
      <Resource {...gftAuditResource} />
      <Resource {...appealsResource} />
      <Resource {...authRequestsResource} />
      <Resource {...removalsResource} />
      <Resource {...brandsResource} />
      <Resource {...sellersResource} />
      <Resource {...threadsResource} />
      <Resource {...ipRightsResource} />
      <Resource {...staffResource} />
      <Resource {...apiKeysResource} />
      <Resource {...agentsResource} />
      <Resource {...auditEventsResource} />
      <CustomRoutes>
        <Route
          path={DETECTION_PATH}
          element={
            <Authenticated>
              <Suspense fallback={null}>
                <DetectionPage />
              </Suspense>
            </Authenticated>
          }
        />
        <Route
          path={NOTIFICATION_SETTINGS_PATH}
          element={
            <Authenticated>
              <NotificationSettings />
            </Authenticated>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}
