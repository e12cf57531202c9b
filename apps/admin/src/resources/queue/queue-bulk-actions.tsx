import { useState } from 'react';
import { Button, useListContext } from 'react-admin';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import RemoveCircleIcon from '@mui/icons-material/RemoveCircle';
import BlockIcon from '@mui/icons-material/Block';
import HelpIcon from '@mui/icons-material/HelpOutline';
import { REVIEW_CLAIM_TIMEOUT_MS, type RejectionCode } from '@jf/domain';
import { trpc } from '../../providers/trpc';
import { DecisionDialog } from '../../ui/decision-dialog';
import { useApiAction } from '../../ui/use-api-action';
import { REJECTION_CODE_CHOICES } from './notice-item-fields';

const items = (count: number) => (count === 1 ? '1 item' : `${count} items`);

/**
 * Claims and decisions on the selected rows, each one explicit procedure call for all of them: the
 * API decides all or none, so a single conflicting claim leaves every selected item as it was.
 */
export function QueueBulkActions() {
  const { selectedIds, onUnselectItems } = useListContext();
  const itemIds = selectedIds.map(String);
  const { run, pending } = useApiAction();
  const [dialog, setDialog] = useState<'reject' | 'request_info' | null>(null);
  const count = items(itemIds.length);

  /** Decided items leave the queue, so the selection goes with them. */
  async function decide(request: () => Promise<unknown>, success: string) {
    const done = await run(request, success);
    if (done) {
      setDialog(null);
      onUnselectItems();
    }
    return done;
  }

  return (
    <>
      <Button label="Claim" disabled={pending} onClick={() => void run(() => trpc.admin.queue.claim.mutate({ itemIds }), `Claimed ${count} for ${REVIEW_CLAIM_TIMEOUT_MS / 60_000} minutes`)}>
        <LockIcon />
      </Button>
      <Button label="Release" disabled={pending} onClick={() => void run(() => trpc.admin.queue.release.mutate({ itemIds }), `Released your claim on ${count}`)}>
        <LockOpenIcon />
      </Button>
      <Button
        label="Remove"
        color="error"
        disabled={pending}
        onClick={() => void decide(() => trpc.admin.queue.decide.mutate({ decision: 'remove', itemIds }), `Removal of ${count} sent to the marketplace`)}
      >
        <RemoveCircleIcon />
      </Button>
      <Button label="Reject" disabled={pending} onClick={() => setDialog('reject')}>
        <BlockIcon />
      </Button>
      <Button label="Ask for information" disabled={pending} onClick={() => setDialog('request_info')}>
        <HelpIcon />
      </Button>

      <DecisionDialog
        open={dialog === 'reject'}
        title={`Reject ${count}`}
        description="The brand sees the code and your message. Rejected items count against its accuracy."
        choice={{ label: 'Rejection code', choices: REJECTION_CODE_CHOICES }}
        textLabel="Message"
        textHelp="Shown to the brand: what is missing or wrong."
        confirmLabel="Reject items"
        danger
        pending={pending}
        onCancel={() => setDialog(null)}
        onConfirm={({ text, choice }) =>
          decide(
            () => trpc.admin.queue.decide.mutate({ decision: 'reject', itemIds, rejectionCode: choice as RejectionCode, message: text }),
            `Rejected ${count}`,
          )
        }
      />
      <DecisionDialog
        open={dialog === 'request_info'}
        title={`Ask the brand about ${count}`}
        description="The items wait for the brand’s answer and return to this queue when it arrives."
        textLabel="Message"
        textHelp="Shown to the brand: the question to answer."
        confirmLabel="Send request"
        pending={pending}
        onCancel={() => setDialog(null)}
        onConfirm={({ text }) =>
          decide(() => trpc.admin.queue.decide.mutate({ decision: 'request_info', itemIds, message: text }), `Asked the brand about ${count}`)
        }
      />
    </>
  );
}
