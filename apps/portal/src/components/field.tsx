import { useId, type ReactNode } from 'react';

/** What every labelled control receives so its hint and errors are read out with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** Reasons the server gave for this field, shown beneath it. */
  errors?: string[] | undefined;
  hint?: ReactNode;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** The label, hint, control and errors of one form field, tied together for screen readers. */
export function Field({ label, errors, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errorId ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy })}
      {errorId && (
        <p className="field-error" id={errorId}>
          {describeErrors(label, errors!)}
        </p>
      )}
    </div>
  );
}

/** Server reasons read "is required"; prefixed with the label they become a sentence. */
export function describeErrors(label: string, errors: string[]): string {
  return errors.map((reason) => (/^[a-z]/.test(reason) ? `${label} ${reason}` : reason)).join('. ');
}
