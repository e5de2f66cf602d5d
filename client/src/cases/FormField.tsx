import { useId, type ReactNode } from 'react';

interface FormFieldProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
  /** Shown after the control, e.g. a link to the address typed in it. */
  after?: ReactNode;
}

/** A labelled control with its hint and its error, which is announced and tied to the control. */
export function FormField({ label, error, hint, className, children, after }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`wc-casefield${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {after}
      {hint && (
        <p id={hintId} className="wc-casefield__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="wc-casefield__error">
          {error}
        </p>
      )}
    </div>
  );
}
