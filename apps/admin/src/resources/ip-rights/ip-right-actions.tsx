import { useState } from 'react';
import { Stack } from '@mui/material';
import { Button, useRecordContext } from 'react-admin';
import { trpc, type PendingIpRightRecord } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';

/** Verify at once, or reject with the reason the brand will read. */
export function IpRightActions(_props: { label?: string }) {
  const right = useRecordContext<PendingIpRightRecord>();
  const { run, pending } = useApiAction();
  const [rejecting, setRejecting] = useState(false);
  if (!right) return null;

  return (
    <Stack direction="row" spacing={1}>
      <Button
        label="Verify"
        variant="outlined"
        disabled={pending}
        onClick={() =>
          void run(() => trpc.admin.ipRights.decide.mutate({ id: right.id, decision: 'verify' }), `${right.registrationNumber} verified; ${right.brandName} can cite it now`)
        }
      />
      <Button label="Reject" variant="outlined" color="error" disabled={pending} onClick={() => setRejecting(true)} />
      <DecisionDialog
        open={rejecting}
        title={`Reject ${right.registrationNumber}`}
        description={`${right.brandName} is told the reason and cannot cite this right in notices.`}
        textLabel="Reason"
        textHelp="Shown to the brand."
        confirmLabel="Reject right"
        danger
        pending={pending}
        onCancel={() => setRejecting(false)}
        onConfirm={async ({ text }) => {
          const done = await run(() => trpc.admin.ipRights.decide.mutate({ id: right.id, decision: 'reject', reason: text }), `${right.registrationNumber} rejected`);
          if (done) setRejecting(false);
          return done;
        }}
      />
    </Stack>
  );
}
