import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Field } from './field';

interface FieldBase {
  label: string;
  name: string;
  /** Reasons the server gave for this field, shown beneath it. */
  errors?: string[] | undefined;
  hint?: ReactNode;
}

type TextFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function TextField({ label, name, errors, hint, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint} className={className}>
      {(control) => <input name={name} {...control} {...input} />}
    </Field>
  );
}

type TextAreaFieldProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, name, errors, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint} className={className}>
      {(control) => <textarea name={name} {...control} {...textarea} />}
    </Field>
  );
}

type SelectFieldProps = FieldBase &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly { value: string; label: string }[];
    /** A first, empty choice such as "Choose a right…"; the field is then unset until picked. */
    placeholder?: string;
  };

export function SelectField({
  label,
  name,
  errors,
  hint,
  className,
  options,
  placeholder,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint} className={className}>
      {(control) => (
        <select name={name} {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
