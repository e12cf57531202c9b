import { useId, useState, type FormEvent, type ReactNode, type SyntheticEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';

interface Choice {
  id: string;
  name: string;
}

interface DecisionDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  /** The required free text: a message to the brand, a note for the audit trail, a reason. */
  textLabel: string;
  textHelp?: string;
  /** Tighter limits than the defaults, where the procedure's schema has them. */
  textMin?: number;
  textMax?: number;
  /** An optional required select shown above the text, e.g. the rejection code. */
  choice?: { label: string; choices: readonly Choice[] };
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  onCancel: () => void;
  /** Resolves true when the decision went through, which closes and clears the dialog. */
  onConfirm: (values: { text: string; choice: string }) => Promise<boolean>;
}

/** The limit the domain schemas put on every decision text (message, note, reason). */
const TEXT_MAX = 2000;

/** A confirmation that cannot go through without its reason; both fields are checked before the API is asked. */
export function DecisionDialog(props: DecisionDialogProps) {
  const { open, title, description, textLabel, textHelp, textMin = 1, textMax = TEXT_MAX, choice, confirmLabel, danger, pending, onCancel, onConfirm } = props;
  const [text, setText] = useState('');
  const [picked, setPicked] = useState('');
  const [errors, setErrors] = useState<{ text?: string; choice?: string }>({});
  const titleId = useId();

  const reset = () => {
    setText('');
    setPicked('');
    setErrors({});
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (choice && !picked) found.choice = `${choice.label} is required`;
    if (!text.trim()) found.text = `${textLabel} is required`;
    else if (text.trim().length < textMin) found.text = `${textLabel} must be at least ${textMin} characters`;
    else if (text.trim().length > textMax) found.text = `${textLabel} must be at most ${textMax} characters`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await onConfirm({ text: text.trim(), choice: picked })) reset();
  }

  const cancel = () => {
    reset();
    onCancel();
  };
  // The dialog is portalled but React still bubbles its clicks to the row it was opened from.
  const stop = (event: SyntheticEvent) => event.stopPropagation();

  return (
    <Dialog open={open} onClose={cancel} onClick={stop} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {description ? <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText> : null}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {choice ? (
              <TextField
                select
                label={choice.label}
                value={picked}
                onChange={(change) => {
                  setPicked(change.target.value);
                  setErrors((shown) => ({ ...shown, choice: undefined }));
                }}
                required
                fullWidth
                error={errors.choice !== undefined}
                helperText={errors.choice}
                // A native select: keyboard- and test-friendly, and a plain combobox to assistive tech.
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              >
                <option value="" disabled>
                  Choose…
                </option>
                {choice.choices.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </TextField>
            ) : null}
            <TextField
              label={textLabel}
              value={text}
              onChange={(change) => {
                setText(change.target.value);
                setErrors((shown) => ({ ...shown, text: undefined }));
              }}
              required
              multiline
              minRows={3}
              fullWidth
              autoFocus={!choice}
              error={errors.text !== undefined}
              helperText={errors.text ?? textHelp}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={danger ? 'error' : 'primary'} disabled={pending}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
