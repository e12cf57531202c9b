import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { allowedEventsGftStatus, canManageBrand, gftTransitionInput, hasPermission, type GftEvent } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { toHttpError } from '../../providers/data';
import { trpc, type BrandRecord } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { StatusChip } from '../../ui/status-chip';
import { GFT_STATUS_TONES } from './brand-fields';

const EVENT_HELP: Record<GftEvent, string> = {
  qualify: 'The rolling record meets the eligibility bar.',
  disqualify: 'The record no longer meets the eligibility bar.',
  enrol: 'Admit the brand to the Good Faith Takedown fast track.',
  suspend: 'Take the brand off the fast track; its cooldown starts.',
  requalify: 'The cooldown is over and the record is good again.',
};

/**
 * Moves a brand's GFT status by one state-machine event. Only the events the domain allows from the
 * current status are offered, and every change carries the reason the brand will be shown.
 */
export function GftPanel() {
  const brand = useRecordContext<BrandRecord>();
  const staff = useStaffUser();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [pending, setPending] = useState<GftEvent | null>(null);

  if (!brand || !staff || !hasPermission(staff.role, 'brands.gft')) return null;
  const events = allowedEventsGftStatus(brand.gftStatus);
  const mayChange = canManageBrand(staff.role, staff.id, brand.accountManagerId);

  async function apply(event: GftEvent) {
    if (!brand) return;
    // The domain's own rule for the reason, so the form and the API agree on it.
    const checked = gftTransitionInput.shape.reason.safeParse(reason);
    if (!checked.success) {
      setReasonError(`Reason ${checked.error.issues[0]?.message ?? 'is required'}`);
      return;
    }
    setReasonError(null);
    setPending(event);
    try {
      const updated = await trpc.admin.brands.gftTransition.mutate({ id: brand.id, event, reason: checked.data });
      setReason('');
      notify(`GFT status is now ${humanize(updated.gftStatus)}`, { type: 'success' });
      refresh();
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldError = (httpError.body as { errors?: Record<string, unknown> } | null)?.errors?.reason;
      if (typeof fieldError === 'string') setReasonError(`Reason ${fieldError}`);
      notify(httpError.message, { type: 'error' });
    } finally {
      setPending(null);
    }
  }

  const onSubmit = (formEvent: FormEvent) => formEvent.preventDefault();

  return (
    <Card component="section" aria-labelledby="gft-panel-title" sx={{ width: 320, ml: 2, alignSelf: 'flex-start' }}>
      <CardContent>
        <Typography id="gft-panel-title" variant="h6" component="h2" gutterBottom>
          GFT status
        </Typography>
        <Box sx={{ mb: 2 }}>
          <StatusChip value={brand.gftStatus} tones={GFT_STATUS_TONES} />
        </Box>
        {!mayChange ? (
          <Alert severity="info">Only the brand’s account manager or a platform admin can change its GFT status.</Alert>
        ) : events.length === 0 ? (
          <Alert severity="info">No change is possible from this status.</Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label="Reason (shown to the brand)"
              value={reason}
              onChange={(change) => setReason(change.target.value)}
              required
              multiline
              minRows={3}
              fullWidth
              error={reasonError !== null}
              helperText={reasonError ?? 'Required for every change; kept in the audit trail.'}
            />
            <Stack spacing={1} sx={{ mt: 2 }}>
              {events.map((event) => (
                <Box key={event}>
                  <Button
                    variant={event === 'suspend' || event === 'disqualify' ? 'outlined' : 'contained'}
                    color={event === 'suspend' || event === 'disqualify' ? 'error' : 'primary'}
                    disabled={pending !== null}
                    onClick={() => void apply(event)}
                    fullWidth
                  >
                    {humanize(event)}
                  </Button>
                  <Typography variant="caption" color="text.secondary">
                    {EVENT_HELP[event]}
                  </Typography>
                </Box>
              ))}
            </Stack>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
