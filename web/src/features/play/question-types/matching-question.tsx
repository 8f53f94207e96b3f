import type { QuestionInputProps } from './types';

/** One labelled select per item: fully keyboard- and screen-reader-native. */
export const MatchingQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => {
  const { items, targets } = question.prompt;
  const used = new Set(Object.values(draft.pairs));
  const pickedLabel = (targetId: string): string | undefined =>
    targets.find((target) => target.id === targetId)?.label;
  return (
    <fieldset aria-labelledby={labelledBy} aria-describedby={`${idPrefix}-instruction`}>
      <p className="instruction" id={`${idPrefix}-instruction`}>
        Choose the match for each item.
      </p>
      <div className="match-grid">
        {items.map((item) => {
          const selectId = `${idPrefix}-match-${item.id}`;
          const picked = result
            ? (result.response.pairs.find((pair) => pair.itemId === item.id)?.targetId ?? '')
            : (draft.pairs[item.id] ?? '');
          const correct = result?.key.pairs.find((pair) => pair.itemId === item.id)?.targetId;
          const isRight = result ? picked === correct : null;
          return (
            <div
              key={item.id}
              className={[
                'match-row',
                isRight === null ? '' : isRight ? 'option--correct' : 'option--wrong',
              ].join(' ')}
            >
              <label htmlFor={selectId}>{item.label}</label>
              <div className="stack">
                <select
                  id={selectId}
                  className="select"
                  aria-describedby={pickedLabel(picked) ? `${selectId}-choice` : undefined}
                  data-choice-shown=""
                  value={picked}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange({ ...draft, pairs: { ...draft.pairs, [item.id]: event.target.value } })
                  }
                >
                  <option value="">Choose a match…</option>
                  {targets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {target.label}
                      {!result && used.has(target.id) && draft.pairs[item.id] !== target.id
                        ? ' (used)'
                        : ''}
                    </option>
                  ))}
                </select>
                {/* A closed select cuts a long match (a reason, a role): the whole choice is
                    said under it. */}
                {pickedLabel(picked) ? (
                  <span id={`${selectId}-choice`} className="match-choice small">
                    {pickedLabel(picked)}
                  </span>
                ) : null}
                {result ? (
                  <span className="option__mark option__mark--long">
                    {isRight
                      ? '✓ Correct'
                      : `✗ Correct match: ${targets.find((target) => target.id === correct)?.label ?? '—'}`}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
};
