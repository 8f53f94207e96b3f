import { isAcceptedMatch } from '../grading';
import { SHORT_ANSWER_MAX_LENGTH } from '../response';
import type { QuestionInputProps } from './types';

/**
 * A typed answer (a name). The stem labels the field and the hint says what kind of answer to
 * type. Phones get a plain text keyboard: no autocorrect or suggestions to swap a name for a
 * dictionary word, and a 16 px+ font so iOS Safari does not zoom in on focus. Enter submits the
 * form (implicit submission).
 */
export const ShortAnswerQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => {
  const inputId = `${idPrefix}-text`;
  const hintId = `${inputId}-hint`;
  const hint = question.prompt.answerHint;
  const value = result ? (result.response.text ?? '') : draft.text;
  const accepted = result?.grading ? isAcceptedMatch(result.grading.match) : result?.isCorrect;
  return (
    <div className="field short-answer">
      <span className="field__hint" id={hintId}>
        {hint ? `Type ${hint}.` : 'Type your answer.'} Small spelling slips are forgiven.
      </span>
      <div className="short-answer__entry">
        <input
          id={inputId}
          className="input"
          type="text"
          name={inputId}
          value={value}
          maxLength={SHORT_ANSWER_MAX_LENGTH}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="words"
          spellCheck={false}
          enterKeyHint="send"
          disabled={disabled}
          aria-labelledby={labelledBy}
          aria-describedby={hintId}
          onChange={(event) => onChange({ ...draft, text: event.target.value })}
        />
        {result && accepted !== undefined ? (
          <span className={accepted ? 'badge badge--good' : 'badge badge--bad'}>
            {accepted ? '✓ Accepted' : `✗ Answer: ${result.key.answers[0] ?? '—'}`}
          </span>
        ) : null}
      </div>
    </div>
  );
};
