type Overlap = { a: number; b: number; reason: 'SAME_FACT' | 'SAME_PASSAGE' };
type Item = { position: number; question: { stem: string } };

const Pair = ({
  pair,
  says,
  stemAt,
}: {
  pair: Overlap;
  says: string;
  stemAt: (position: number) => string;
}) => (
  <li>
    <div>
      <strong>
        Questions {pair.a + 1} and {pair.b + 1}
      </strong>{' '}
      {says}
    </div>
    <div className="small muted">
      Question {pair.a + 1}: {stemAt(pair.a)}
    </div>
    <div className="small muted">
      Question {pair.b + 1}: {stemAt(pair.b)}
    </div>
  </li>
);

const passagePairs = (count: number): string =>
  count === 1
    ? 'One pair of questions rests on the same passage'
    : `${count} pairs of questions rest on the same passage`;

/**
 * Questions of this set on the same key fact or passage (blind reviewers: "the same passage in
 * items 33/49/52/59"). Unlike a clue nothing is shown verbatim, but a student who answers one has
 * been told, or will be, what the other asks. The teacher decides: a review set may want it.
 *
 * Only same-fact pairs are shown open: a passage often carries several facts, so passage-only
 * pairs fire in most sets (17 of the 21 pairs in the three demo sets) and, listed in full, buried
 * the pairs that matter. They wait behind a disclosure, in a neutral notice when they are all there is.
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
  const sameFact = overlaps.filter((pair) => pair.reason === 'SAME_FACT');
  const samePassage = overlaps.filter((pair) => pair.reason === 'SAME_PASSAGE');
  const passages =
    samePassage.length === 0 ? null : (
      <details className="disclosure">
        <summary>
          {sameFact.length === 0
            ? passagePairs(samePassage.length)
            : `${passagePairs(samePassage.length)} only`}
        </summary>
        <p className="small">
          One passage often holds several facts, so such pairs usually ask different things. Look
          only if a pair seems close.
        </p>
        <ul className="findings">
          {samePassage.map((pair) => (
            <Pair
              key={`${pair.a}-${pair.b}`}
              pair={pair}
              says="rest on the same passage."
              stemAt={stemAt}
            />
          ))}
        </ul>
      </details>
    );
  if (sameFact.length === 0) {
    return (
      <section className="notice stack" aria-label="Questions on the same passage">
        {passages}
      </section>
    );
  }
  return (
    <section className="notice notice--warn stack" aria-labelledby="overlaps-title">
      <h2 id="overlaps-title">
        {sameFact.length === 1
          ? 'Two questions ask the same fact'
          : `${sameFact.length} pairs of questions ask the same fact`}
      </h2>
      <ul className="findings">
        {sameFact.map((pair) => (
          <Pair
            key={`${pair.a}-${pair.b}`}
            pair={pair}
            says="ask the same fact: one may give the other away."
            stemAt={stemAt}
          />
        ))}
      </ul>
      {passages}
    </section>
  );
};
