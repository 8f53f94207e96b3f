import { describeError } from '@/lib/graphql/error-messages';

type SubmitRowProps = {
  /** The mutation's error, shown in words above the button. */
  error: unknown;
  pending: boolean;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
};

/** The end of a one-mutation form: its request error, if any, and its submit button. */
export const SubmitRow = ({ error, pending, label, pendingLabel, secondary }: SubmitRowProps) => (
  <>
    {error ? (
      <p className="field__error" role="alert">
        {describeError(error)}
      </p>
    ) : null}
    <div className="form-actions">
      <button
        type="submit"
        className={secondary ? 'button button--secondary' : 'button'}
        disabled={pending}
      >
        {pending ? pendingLabel : label}
      </button>
    </div>
  </>
);
