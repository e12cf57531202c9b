import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useNotify } from 'react-admin';
import { isApiError, trpc, type DetectionSettings } from '../providers/trpc';
import { toHttpError } from '../providers/data';

type Draft = { dryRun: boolean; authDueHours: string; retrainEveryHours: string };
const draftOf = (settings: DetectionSettings): Draft => ({
  dryRun: settings.dryRun,
  authDueHours: String(settings.authDueHours),
  retrainEveryHours: String(settings.retrainEveryHours),
});

/** Read-only for most staff; platform admins change the three settings, with the API's reasons under each field. */
export function DetectionSettingsForm({ settings, canManage, onSaved }: { settings: DetectionSettings; canManage: boolean; onSaved: () => void }) {
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      await trpc.admin.detection.updateSettings.mutate({
        dryRun: draft.dryRun,
        authDueHours: Number(draft.authDueHours),
        retrainEveryHours: Number(draft.retrainEveryHours),
      });
      notify('Detection settings saved', { type: 'success' });
      onSaved();
    } catch (error) {
      const issues = isApiError(error) ? (error.data?.fieldIssues ?? {}) : {};
      setErrors(Object.fromEntries(Object.entries(issues).map(([field, reasons]) => [field, reasons.join('; ')])));
      notify(`The settings were not saved: ${toHttpError(error).message}`, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setPending(false);
    }
  }

  const number = (field: 'authDueHours' | 'retrainEveryHours', label: string, help: string) => (
    <TextField
      label={label}
      type="number"
      value={draft[field]}
      onChange={(change) => setDraft((current) => ({ ...current, [field]: change.target.value }))}
      error={errors[field] !== undefined}
      helperText={errors[field] ? `${label} ${errors[field]}` : help}
      disabled={!canManage || pending}
      slotProps={{ htmlInput: { min: 0, step: 1 } }}
      sx={{ width: 260 }}
    />
  );

  return (
    <Card component="section" aria-labelledby="settings-heading">
      <CardContent>
        <Typography variant="h6" component="h2" id="settings-heading">
          Settings
        </Typography>
        {!canManage ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Only platform admins change these.
          </Typography>
        ) : null}
        {draft.dryRun ? (
          <Alert severity="warning" sx={{ my: 1 }}>
            Dry run is on: detection records what it would do, but removes nothing and asks no brand.
          </Alert>
        ) : null}
        <Box component="form" onSubmit={(event) => void save(event)} noValidate sx={{ mt: 1 }}>
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <FormControlLabel
              control={<Switch checked={draft.dryRun} onChange={(change) => setDraft((current) => ({ ...current, dryRun: change.target.checked }))} disabled={!canManage || pending} />}
              label="Dry run"
            />
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {number('authDueHours', 'Authentication due (hours)', 'How long a brand has to answer a request.')}
              {number('retrainEveryHours', 'Retrain every (hours)', '0 retrains only on demand.')}
            </Stack>
            {canManage ? (
              <Stack direction="row" spacing={1}>
                <Button type="submit" variant="contained" disabled={!dirty || pending}>
                  Save settings
                </Button>
                <Button disabled={!dirty || pending} onClick={() => setDraft(draftOf(settings))}>
                  Undo changes
                </Button>
              </Stack>
            ) : null}
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
}
