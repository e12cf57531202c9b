import { useState } from 'react';
import { Stack } from '@mui/material';
import { Button, useRecordContext } from 'react-admin';
import { trpc, type GftAuditRecord } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';

/** Uphold or overturn one sampled removal; either way the note goes into the audit trail. */
export function GftAuditActions(_props: { label?: string }) {
  const item = useRecordContext<GftAuditRecord>();
  const { run, pending } = useApiAction();
  const [verdict, setVerdict] = useState<'uphold' | 'overturn' | null>(null);
  if (!item) return null;
  const upheld = verdict === 'uphold';

  return (
    // The row opens its detail panel on click; the buttons act on their own.
    <Stack direction="row" spacing={1} onClick={(event) => event.stopPropagation()}>
      <Button label="Uphold" variant="outlined" disabled={pending} onClick={() => setVerdict('uphold')} />
      <Button label="Overturn" variant="outlined" color="error" disabled={pending} onClick={() => setVerdict('overturn')} />
      <DecisionDialog
        open={verdict !== null}
        title={upheld ? 'Uphold this removal' : 'Overturn this removal'}
        description={
          upheld
            ? `The removal of “${item.listing.title}” stands and counts as valid for ${item.brandName}.`
            : `“${item.listing.title}” is reinstated on the marketplace, ${item.brandName} is told why, and the removal counts against its accuracy.`
        }
        textLabel="Note"
        textHelp={upheld ? 'Kept in the audit trail.' : 'Shown to the brand and kept in the audit trail.'}
        confirmLabel={upheld ? 'Uphold removal' : 'Overturn removal'}
        danger={!upheld}
        pending={pending}
        onCancel={() => setVerdict(null)}
        onConfirm={async ({ text }) => {
          const done = await run(
            () => trpc.admin.gftAudit.decide.mutate({ itemId: item.id, upheld, note: text }),
            upheld ? 'Removal upheld' : 'Removal overturned; the listing is being reinstated',
          );
          if (done) setVerdict(null);
          return done;
        }}
      />
    </Stack>
  );
}
