import { type ReactNode, useId } from 'react';

export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** A fixed id for the control (error summaries link to it). */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A labelled form control with an optional hint and error message, both tied to the control by
 * aria-describedby; an error also sets aria-invalid.
 */
export const Field = ({ label, hint, error, id, className, children }: FieldProps) => {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={controlId}>{label}</label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children({
        id: controlId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
};

export type FieldErrorLike = { field: string; message: string; code?: string };

/** The first error for a field path (exact, or the first nested one when `prefix` is set). */
export const errorFor = (
  errors: readonly FieldErrorLike[] | undefined,
  field: string,
): string | null => errors?.find((error) => error.field === field)?.message ?? null;

type ErrorSummaryProps = {
  errors: readonly FieldErrorLike[];
  /** Maps an error's field path to the id of the control to focus. */
  targetFor: (field: string) => string | null;
  title?: string;
};

/** A list of every problem at the top of a form, each linking to its field. */
export const ErrorSummary = ({
  errors,
  targetFor,
  title = 'Please fix these problems',
}: ErrorSummaryProps) => {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{title}</h2>
      <ul>
        {errors.map((error) => {
          const target = targetFor(error.field);
          return (
            <li key={`${error.field}-${error.message}`}>
              {target ? <a href={`#${target}`}>{error.message}</a> : error.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
