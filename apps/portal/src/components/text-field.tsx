import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  /** Reasons the server gave for this field, shown beneath it. */
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function TextField({ label, name, errors, hint, className, ...input }: TextFieldProps) {
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
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors!.map((reason) => (/^[a-z]/.test(reason) ? `${label} ${reason}` : reason)).join('. ')}
        </p>
      )}
    </div>
  );
}
