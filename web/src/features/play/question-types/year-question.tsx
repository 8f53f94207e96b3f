import { useState } from 'react';
import { yearProblem } from '../response';
import type { QuestionInputProps } from './types';

export const YearQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => {
  const [isTouched, setTouched] = useState(false);
  const bounds = question.prompt.numeric;
  const problem = isTouched && draft.year.trim() !== '' ? yearProblem(question, draft.year) : null;
  const inputId = `${idPrefix}-year`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const value = result ? (result.response.year?.toString() ?? '') : draft.year;
  return (
    <fieldset className="field" aria-labelledby={labelledBy}>
      <label htmlFor={inputId}>Year</label>
      <span className="field__hint" id={hintId}>
        {bounds
          ? `A year between ${bounds.min} and ${bounds.max}${bounds.tolerance > 0 ? `; within ${bounds.tolerance} ${bounds.tolerance === 1 ? 'year' : 'years'} earns partial credit` : ''}.`
          : 'A four-digit year.'}
      </span>
      <div className="year-entry">
        <input
          id={inputId}
          className="input"
          type="number"
          inputMode="numeric"
          min={bounds?.min}
          max={bounds?.max}
          step={1}
          value={value}
          disabled={disabled}
          aria-describedby={[hintId, problem ? errorId : null].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => onChange({ ...draft, year: event.target.value })}
          onBlur={() => setTouched(true)}
        />
        {result ? (
          <span
            className={
              result.key.year === result.response.year ? 'badge badge--good' : 'badge badge--bad'
            }
          >
            {result.key.year === result.response.year
              ? '✓ Exact'
              : `✗ Correct year: ${result.key.year}`}
          </span>
        ) : null}
      </div>
      {problem ? (
        <span id={errorId} className="field__error">
          {problem}
        </span>
      ) : null}
    </fieldset>
  );
};
