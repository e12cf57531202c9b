import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/dashboard';
import { LoginPage } from './login-page';
import { authProvider } from './providers/auth';
import { dataProvider } from './providers/data';
import { i18nProvider } from './providers/i18n';
import { brandsResource } from './resources/brands';
import { gftAuditResource } from './resources/gft-audit';
import { ipRightsResource } from './resources/ip-rights';
import { queueResource } from './resources/queue';
import { staffResource } from './resources/staff';

export function App() {
  return (
    <Admin
      title="Joint Force — Admin"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource {...queueResource} />
      <Resource {...gftAuditResource} />
      <Resource {...brandsResource} />
      <Resource {...ipRightsResource} />
      <Resource {...staffResource} />
    </Admin>
  );
}
