type Clue = { givenBy: number; answers: number; answer: string };
type Item = { position: number; question: { stem: string } };

/**
 * Questions of this set that show another one's answer before it is asked (audit 13: the war's
 * years in one stem answer "In what year did the Iran–Iraq War begin?"). The teacher decides: a
 * review set may want the pair.
 */
export const ClueNotice = ({
  clues,
  items,
}: {
  clues: readonly Clue[];
  items: readonly Item[];
}) => {
  if (clues.length === 0) {
    return null;
  }
  const given = new Set(clues.map((clue) => clue.answers)).size;
  const stemAt = (position: number): string =>
    items.find((item) => item.position === position)?.question.stem ?? '';
  return (
    <section className="notice notice--warn stack" aria-labelledby="clues-title">
      <h2 id="clues-title">
        {given === 1
          ? 'One question is given away by another'
          : `${given} questions are given away by others`}
      </h2>
      <p className="small">
        A student who meets both gets the second one free. Remove or move one of them, or keep both
        on purpose.
      </p>
      <ul className="findings">
        {clues.map((clue) => (
          <li key={`${clue.givenBy}-${clue.answers}`}>
            {/* Blocks, not spans: the sentence and the stem it concerns on their own lines. */}
            <div>
              <strong>Question {clue.givenBy + 1}</strong> shows “{clue.answer}”, the answer to{' '}
              <strong>question {clue.answers + 1}</strong>.
            </div>
            <div className="small muted">
              Question {clue.answers + 1}: {stemAt(clue.answers)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};
