/** The two attacks of issue 12, as the attacker sent them. */

/** `actor { relations { subject { relations { … } } } }`, nine field levels under the root field. */
export const nineLevelRelations = (): string => {
  let selection = 'slug name';
  for (let i = 0; i < 4; i += 1) {
    selection = `relations { subject { ${selection} } }`;
  }
  // actor (1), then relations/subject four times (2–9), then the leaves (10): within depth 10.
  return `{ actor(slug: "iran") { ${selection} } }`;
};

/** 15 aliases of a page whose size comes from a variable (n = 100 in the attack). */
export const aliasedVariableEvents = (aliases = 15): string =>
  `query Wide($n: Int) { ${Array.from(
    { length: aliases },
    (_, i) =>
      `a${i}: events(first: $n) { nodes { slug title participants { actor { slug events(first: $n) { nodes { slug title summary } } } } } }`,
  ).join(' ')} }`;
