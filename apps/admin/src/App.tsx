import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { Dashboard } from './dashboard/dashboard';
import { AppLayout, NOTIFICATION_SETTINGS_PATH } from './layout/app-layout';
import { LoginPage } from './login-page';
import { authProvider } from './providers/auth';
import { dataProvider } from './providers/data';
import { i18nProvider } from './providers/i18n';
import { auditEventsResource } from './resources/audit-events';
import { apiKeysResource } from './resources/api-keys';
import { appealsResource } from './resources/appeals';
import { brandsResource } from './resources/brands';
import { gftAuditResource } from './resources/gft-audit';
import { ipRightsResource } from './resources/ip-rights';
import { queueResource } from './resources/queue';
import { sellersResource } from './resources/sellers';
import { staffResource } from './resources/staff';
import { threadsResource } from './resources/threads';
import { NotificationSettings } from './settings/notification-settings';

export function App() {
  return (
    <Admin
      title="Joint Force — Admin"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      layout={AppLayout}
      requireAuth
      disableTelemetry
    >
      <Resource {...queueResource} />
      <Resource {...gftAuditResource} />
      <Resource {...appealsResource} />
      <Resource {...brandsResource} />
      <Resource {...sellersResource} />
      <Resource {...threadsResource} />
      <Resource {...ipRightsResource} />
      <Resource {...staffResource} />
      <Resource {...apiKeysResource} />
      <Resource {...auditEventsResource} />
      <CustomRoutes>
        <Route path={NOTIFICATION_SETTINGS_PATH} element={<NotificationSettings />} />
      </CustomRoutes>
    </Admin>
  );
}
