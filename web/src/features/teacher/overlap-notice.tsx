type Overlap = { a: number; b: number; reason: 'SAME_FACT' | 'SAME_PASSAGE' };
type Item = { position: number; question: { stem: string } };

const SAYS: Record<Overlap['reason'], string> = {
  SAME_FACT: 'ask the same fact',
  SAME_PASSAGE: 'rest on the same passage',
};

/**
 * Questions of this set on the same key fact or passage (blind reviewers: "the same passage in
 * items 33/49/52/59"). Unlike a clue nothing is shown verbatim, but a student who answers one has
 * been told, or will be, what the other asks. The teacher decides: a review set may want it.
 */
export const OverlapNotice = ({
  overlaps,
  items,
}: {
  overlaps: readonly Overlap[];
  items: readonly Item[];
}) => {
  if (overlaps.length === 0) {
    return null;
  }
  const stemAt = (position: number): string =>
    items.find((item) => item.position === position)?.question.stem ?? '';
  return (
    <section className="notice notice--warn stack" aria-labelledby="overlaps-title">
      <h2 id="overlaps-title">
        {overlaps.length === 1
          ? 'Two questions ask about the same thing'
          : `${overlaps.length} pairs of questions ask about the same thing`}
      </h2>
      <ul className="findings">
        {overlaps.map((pair) => (
          <li key={`${pair.a}-${pair.b}`}>
            <div>
              <strong>
                Questions {pair.a + 1} and {pair.b + 1}
              </strong>{' '}
              {SAYS[pair.reason]}: one may give the other away.
            </div>
            <div className="small muted">
              Question {pair.a + 1}: {stemAt(pair.a)}
            </div>
            <div className="small muted">
              Question {pair.b + 1}: {stemAt(pair.b)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};
