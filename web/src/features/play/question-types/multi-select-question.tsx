import { OptionGroup } from './option-group';
import type { QuestionInputProps } from './types';

export const MultiSelectQuestion = ({
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
      <strong>Select all that apply.</strong> More than one answer may be correct.
    </p>
    <OptionGroup
      kind="checkbox"
      name={`${idPrefix}-multi`}
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
