type ProgressBarProps = {
  current: number;
  total: number;
  /** e.g. "1,500 points" */
  aside?: string;
};

/** "Question 3 of 10" with a bar; the native progress semantics come from role="progressbar". */
export const ProgressBar = ({ current, total, aside }: ProgressBarProps) => (
  <div className="progress">
    <div className="progress__label">
      <span id="progress-label">
        Question {current} of {total}
      </span>
      {aside ? <span>{aside}</span> : null}
    </div>
    <div
      className="progress__track"
      role="progressbar"
      aria-labelledby="progress-label"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={current}
    >
      <div
        className="progress__bar"
        style={{ inlineSize: `${total ? (current / total) * 100 : 0}%` }}
      />
    </div>
  </div>
);
