import { OptionGroup } from './option-group';
import type { QuestionInputProps } from './types';

/** First and last four-digit years in a period label ("1980–1988", "after 2011"). */
export const yearsIn = (label: string): number[] =>
  [...label.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((match) => Number(match[1]));

/** "2000–2010", or "2024–" for an open-ended period. */
const spanText = (label: string): string => {
  const years = yearsIn(label);
  if (years.length === 0) {
    return '';
  }
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? `${first}–` : `${first}–${last}`;
};

/** Periods as radio options, drawn on a small timeline (a visual aid; the radios carry meaning). */
export const TimelinePlacementQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => {
  const periods = question.prompt.options;
  const years = periods.flatMap((period) => yearsIn(period.label));
  const selected = result ? result.response.optionIds : draft.optionIds;
  return (
    <>
      <p className="instruction" id={`${idPrefix}-instruction`}>
        In which period does it belong? Choose one.
      </p>
      <div className="mini-timeline" aria-hidden="true">
        <div className="mini-timeline__track">
          {periods.map((period, index) => (
            <span
              key={period.id}
              className={[
                'mini-timeline__seg',
                selected.includes(period.id) ? 'mini-timeline__seg--selected' : '',
              ].join(' ')}
              title={period.label}
            >
              <span>{String.fromCharCode(65 + index)}</span>
              <span className="mini-timeline__years">{spanText(period.label)}</span>
            </span>
          ))}
        </div>
        {years.length > 1 ? (
          <div className="mini-timeline__ends">
            <span>{Math.min(...years)}</span>
            <span>{Math.max(...years)}</span>
          </div>
        ) : null}
      </div>
      <OptionGroup
        kind="radio"
        name={`${idPrefix}-period`}
        options={periods.map((period, index) => ({
          id: period.id,
          label: `${String.fromCharCode(65 + index)}. ${period.label}`,
        }))}
        selected={draft.optionIds}
        onChange={(optionIds) => onChange({ ...draft, optionIds })}
        disabled={disabled}
        labelledBy={labelledBy}
        describedBy={`${idPrefix}-instruction`}
        result={result}
      />
    </>
  );
};
