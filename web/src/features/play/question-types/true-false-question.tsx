import { OptionGroup } from './option-group';
import type { QuestionInputProps } from './types';

const FALLBACK = [
  { id: 'true', label: 'True' },
  { id: 'false', label: 'False' },
];

export const TrueFalseQuestion = ({
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
      Is this statement true or false?
    </p>
    <OptionGroup
      kind="radio"
      name={`${idPrefix}-tf`}
      options={question.prompt.options.length > 0 ? question.prompt.options : FALLBACK}
      selected={draft.optionIds}
      onChange={(optionIds) => onChange({ ...draft, optionIds })}
      disabled={disabled}
      labelledBy={labelledBy}
      describedBy={`${idPrefix}-instruction`}
      result={result}
      className="tf-options"
    />
  </>
);
