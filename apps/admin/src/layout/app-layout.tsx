import type { ReactNode } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/NotificationsActive';
import RadarIcon from '@mui/icons-material/Radar';
import DevicesIcon from '@mui/icons-material/Devices';
import { AppBar, Layout, Logout, Menu, UserMenu, useLogout, useResourceDefinitions, useUserMenu } from 'react-admin';
import { Link } from 'react-router';
import { hasPermission } from '@jf/domain';
import { useStaffUser } from '../providers/auth';
import { trpc } from '../providers/trpc';
import { MessagesMenuIcon, UnreadMessagesProvider, useMessagesMenuName } from './unread-messages';

export const NOTIFICATION_SETTINGS_PATH = '/notifications';
export const DETECTION_PATH = '/detection';

function MessagesMenuItem() {
  const name = useMessagesMenuName();
  return <Menu.ResourceItem name="threads" leftIcon={<MessagesMenuIcon />} aria-label={name} />;
}

/** Every resource with a list, in declaration order; Messages carries the unread count. */
function AppMenu() {
  const resources = useResourceDefinitions();
  const staff = useStaffUser();
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name]?.hasList)
        .map((name) =>
          name === 'threads' ? (
            <MessagesMenuItem key={name} />
          ) : (
            <Menu.ResourceItem key={name} name={name} />
          ),
        )}
      {staff && hasPermission(staff.role, 'detection.read') ? <Menu.Item to={DETECTION_PATH} primaryText="Detection" leftIcon={<RadarIcon />} /> : null}
      <Menu.Item to={NOTIFICATION_SETTINGS_PATH} primaryText="My notifications" leftIcon={<NotificationsIcon />} />
    </Menu>
  );
}

function NotificationSettingsMenuItem() {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={NOTIFICATION_SETTINGS_PATH} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <NotificationsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>My notifications</ListItemText>
    </MenuItem>
  );
}

/** Ends the user's sessions in every browser and on every device, this one included. */
function SignOutEverywhereMenuItem() {
  const userMenu = useUserMenu();
  const logout = useLogout();
  const signOutEverywhere = async () => {
    userMenu?.onClose();
    await trpc.auth.signOutEverywhere.mutate().catch(() => undefined);
    await logout();
  };
  return (
    <MenuItem onClick={() => void signOutEverywhere()}>
      <ListItemIcon>
        <DevicesIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Sign out everywhere</ListItemText>
    </MenuItem>
  );
}

const AppUserMenu = () => (
  <UserMenu>
    <NotificationSettingsMenuItem />
    <SignOutEverywhereMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** react-admin's layout with the unread count shared by the menu and the pages that change it. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <UnreadMessagesProvider>
      <Layout menu={AppMenu} appBar={AppAppBar}>
        {children}
      </Layout>
    </UnreadMessagesProvider>
  );
}
