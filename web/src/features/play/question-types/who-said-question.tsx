import { OptionGroup } from './option-group';
import type { QuestionInputProps } from './types';

export const WhoSaidQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => (
  <>
    {question.prompt.quote ? (
      <blockquote className="quote-block" id={`${idPrefix}-quote`}>
        <p>“{question.prompt.quote}”</p>
      </blockquote>
    ) : null}
    <p className="instruction" id={`${idPrefix}-instruction`}>
      Who said these words? Choose one.
    </p>
    <OptionGroup
      kind="radio"
      name={`${idPrefix}-who`}
      options={question.prompt.options}
      selected={draft.optionIds}
      onChange={(optionIds) => onChange({ ...draft, optionIds })}
      disabled={disabled}
      labelledBy={labelledBy}
      describedBy={
        question.prompt.quote
          ? `${idPrefix}-quote ${idPrefix}-instruction`
          : `${idPrefix}-instruction`
      }
      result={result}
    />
  </>
);
