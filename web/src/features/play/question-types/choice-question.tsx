import { OptionGroup } from './option-group';
import type { QuestionInputProps } from './types';

/** Single choice and the choice-like types (event year, year event, which first, office holder). */
export const ChoiceQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => (
  <>
    <p className="instruction" id={`${idPrefix}-instruction`}>
      Choose one answer.
    </p>
    <OptionGroup
      kind="radio"
      name={`${idPrefix}-choice`}
      options={question.prompt.options}
      selected={draft.optionIds}
      onChange={(optionIds) => onChange({ ...draft, optionIds })}
      disabled={disabled}
      labelledBy={labelledBy}
      describedBy={`${idPrefix}-instruction`}
      result={result}
    />
  </>
);
