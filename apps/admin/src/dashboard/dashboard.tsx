import { Box, Typography } from '@mui/material';
import { Title } from 'react-admin';
import type { StaffRole } from '@jf/domain';
import { useStaffUser } from '../providers/auth';
import { AccountManagerHome } from './account-manager-home';
import { LeadershipHome } from './leadership-home';
import { WithOverview } from './overview-parts';
import { PlatformAdminHome } from './platform-admin-home';
import { ReviewerHome } from './reviewer-home';

const HEADINGS: Record<StaffRole, string> = {
  leadership: 'Leadership overview',
  account_manager: 'Account management',
  reviewer: 'Review queues',
  platform_admin: 'Platform administration',
};

/** One home page per staff role: leadership's is the dashboard, the others are fed by the one server-side summary. */
export function Dashboard() {
  const staff = useStaffUser();
  if (!staff) return null;
  return (
    <Box sx={{ pt: 2 }}>
      <Title title="Home" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {HEADINGS[staff.role]}
      </Typography>
      {staff.role === 'leadership' ? (
        // The dashboard asks for its own figures; leadership needs no work-queue summary.
        <LeadershipHome />
      ) : (
        <WithOverview>
          {(summary) => {
            switch (staff.role) {
              case 'account_manager':
                return <AccountManagerHome summary={summary} userId={staff.id} />;
              case 'reviewer':
                return <ReviewerHome summary={summary} />;
              case 'platform_admin':
                return <PlatformAdminHome summary={summary} />;
            }
          }}
        </WithOverview>
      )}
    </Box>
  );
}
