import type { ReactNode } from 'react';
import { Alert, Box, CircularProgress, Grid, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { hasPermission } from '@jf/domain';
import { useStaffUser } from '../providers/auth';
import { trpc } from '../providers/trpc';
import { DetectionSettingsForm } from './detection-settings-form';
import { ModelSection } from './model-versions';
import { ScansPanel } from './scans-panel';
import { useLoaded, type Loaded } from './use-loaded';

function Section<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (loaded.status === 'loading') return <CircularProgress aria-label={`Loading ${what}`} sx={{ m: 2 }} />;
  if (loaded.status === 'error') return <Alert severity="error" sx={{ mb: 2 }}>{`The ${what} could not be loaded: ${loaded.message}`}</Alert>;
  return <>{children(loaded.data)}</>;
}

/**
 * Proactive detection at a glance: every model version and its quality, full scans, and the settings.
 * Everyone on staff reads it; what changes the model is shown to platform admins only (detection.manage).
 */
export function DetectionPage() {
  const staff = useStaffUser();
  const models = useLoaded(() => trpc.admin.detection.models.query());
  const scans = useLoaded(() => trpc.admin.detection.scans.query());
  const settings = useLoaded(() => trpc.admin.detection.settings.query());
  if (!staff) return null;
  const canManage = hasPermission(staff.role, 'detection.manage');
  const dryRun = settings.state.status === 'ready' ? settings.state.data.dryRun : false;
  return (
    <Box sx={{ pt: 2 }}>
      <Title title="Detection" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        Detection
      </Typography>
      <Section loaded={models.state} what="model versions">
        {(versions) => (
          <ModelSection
            versions={versions}
            canManage={canManage}
            onChanged={() => {
              models.reload();
              scans.reload();
            }}
          />
        )}
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Section loaded={scans.state} what="scans">
            {(list) => <ScansPanel scans={list} canManage={canManage} dryRunSetting={dryRun} onChanged={scans.reload} />}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Section loaded={settings.state} what="settings">
            {(current) => <DetectionSettingsForm settings={current} canManage={canManage} onSaved={settings.reload} />}
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}
