import { useState } from 'react';
import { Stack } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import RestoreIcon from '@mui/icons-material/Restore';
import { Button } from 'react-admin';
import { canAppeal, hasPermission, type APPEAL_DECISIONS } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import { trpc, type AppealRecord } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';
import { marketplaceName } from '../queue/notice-item-fields';

type Decision = (typeof APPEAL_DECISIONS)[number];

/** The domain's reason limits for a decision (decideAppealInput). */
const REASON_MIN = 3;
const REASON_MAX = 5000;

/** Whether the signed-in staff member may decide this appeal now: a reviewer (or admin) and a contested appeal. */
export function useMayDecide(appeal: AppealRecord | undefined): boolean {
  const staff = useStaffUser();
  return (
    appeal !== undefined &&
    staff !== null &&
    hasPermission(staff.role, 'queue.review') &&
    canAppeal(appeal.state, 'uphold')
  );
}

/** Reinstate the listing or let the removal stand; either way with a reason the brand reads and the audit trail keeps. */
export function AppealDecisionButtons({ appeal }: { appeal: AppealRecord }) {
  const { run, pending } = useApiAction();
  const [decision, setDecision] = useState<Decision | null>(null);
  const reinstate = decision === 'reinstate';
  const brand = appeal.brandName ?? 'the brand';

  return (
    <Stack direction="row" spacing={1}>
      <Button
        label="Reinstate listing"
        variant="contained"
        disabled={pending}
        onClick={() => setDecision('reinstate')}
      >
        <RestoreIcon />
      </Button>
      <Button
        label="Uphold removal"
        variant="outlined"
        color="error"
        disabled={pending}
        onClick={() => setDecision('uphold')}
      >
        <GavelIcon />
      </Button>
      <DecisionDialog
        open={decision !== null}
        title={reinstate ? 'Reinstate this listing' : 'Uphold this removal'}
        description={
          reinstate
            ? `“${appeal.listing.title}” goes back on ${marketplaceName(appeal.marketplaceCode)}, ${appeal.seller.name} gets no strike, and the removal counts against ${brand}’s accuracy.`
            : `“${appeal.listing.title}” stays removed and ${appeal.seller.name} gets a strike (it has ${appeal.seller.activeStrikes} active now); enough strikes restrict, then ban the seller.`
        }
        textLabel="Reason"
        textHelp={`At least ${REASON_MIN} characters. Sent to ${brand} and kept in the audit trail.`}
        textMin={REASON_MIN}
        textMax={REASON_MAX}
        confirmLabel={reinstate ? 'Confirm reinstatement' : 'Confirm upholding'}
        danger={!reinstate}
        pending={pending}
        onCancel={() => setDecision(null)}
        onConfirm={async ({ text }) => {
          if (!decision) return false;
          const done = await run(
            () => trpc.admin.appeals.decide.mutate({ appealId: appeal.id, decision, reason: text }),
            reinstate
              ? 'Appeal granted: the listing is being reinstated'
              : 'Removal upheld: the seller has a new strike',
          );
          if (done) setDecision(null);
          return done;
        }}
      />
    </Stack>
  );
}
