/**
 * Clues between the questions of one set (audit 13: "(1980–88)" in one stem answers "In what year
 * did the Iran–Iraq War begin?" two items later). Pure: a teacher sees them in the set builder and
 * decides; nothing is blocked, since a pair can be deliberate (a review set). A practice or review
 * draw has no teacher, so the bank build stores each pair as a shared clue key (clueKeysOf) and the
 * draw keeps the pair apart (spreadPick).
 *
 * An item *gives away* another when text a student reads before answering it (stem, quote, and the
 * true statements of an ordering or a matching, never a choice's options, which include wrong
 * ones; a matching's two lists, whose pairs are hidden) contains the other item's answer next to
 * one of the names the other item asks about.
 */

export type ClueQuestion = {
  type: string;
  stem: string;
  prompt: {
    options?: readonly { id: string; label: string }[];
    items?: readonly { id: string; label: string }[];
    targets?: readonly { id: string; label: string }[];
    quote?: string;
  };
  key: { optionIds?: readonly string[]; year?: number; answers?: readonly string[] };
  explanation: string;
};

export type SetClue = {
  /** Position of the item whose text holds the answer. */
  givenBy: number;
  /** Position of the item it answers. */
  answers: number;
  /** The answer as it appears ("1980"). */
  answer: string;
};

const YEAR_STEM = /\bin (\d{4})\.$/;

/** The answer a student must produce or pick, as text that could appear elsewhere; null if none. */
const answerOf = (q: ClueQuestion): string | null => {
  if (q.type === 'NUMERIC_YEAR' && q.key.year !== undefined) {
    return String(q.key.year);
  }
  if (q.type === 'TRUE_FALSE' && YEAR_STEM.test(q.stem)) {
    // "The Iran–Iraq War began in 1976." is answered by whatever shows the true year.
    const truth = q.explanation.match(/\b(1[89]\d\d|20\d\d)\b/)?.[1];
    return truth ?? null;
  }
  if (q.type === 'SHORT_ANSWER') {
    return q.key.answers?.[0] ?? null;
  }
  // "Which of these sources gives …": the outlet's name is in half the bank's stems ("According to
  // IranWire, …"), beside the same names; only the same claim would give it away, which this
  // cannot tell from a name.
  if (/^Which of these sources\b/.test(q.stem)) {
    return null;
  }
  if (['EVENT_YEAR', 'SINGLE_CHOICE', 'WHO_SAID', 'OFFICE_HOLDER'].includes(q.type)) {
    const keys = q.key.optionIds ?? [];
    const label = q.prompt.options?.find((o) => o.id === keys[0])?.label;
    return keys.length === 1 && label && label.length >= 4 ? label : null;
  }
  return null;
};

const ASKING = new Set([
  'In',
  'What',
  'Which',
  'Who',
  'Whose',
  'When',
  'True',
  'False',
  'According',
  'The',
  'Type',
  'Select',
  'Put',
  'Match',
]);

/** Names the item asks about: runs of capitalised words ("Iran–Iraq War", "Qassem Soleimani"). */
const namesIn = (text: string, answer: string): string[] =>
  (text.match(/[A-Z][\w’'–-]*(?:\s+(?:al-|bin\s+)?[A-Z][\w’'–-]*)*/g) ?? [])
    .map((n) =>
      n
        .split(/\s+/)
        .filter((w, i) => !(i === 0 && ASKING.has(w)))
        .join(' '),
    )
    .filter((n) => n.length >= 6 && !answer.includes(n) && !n.includes(answer));

/** What a student reads before answering an item that states only true things. */
const shownText = (q: ClueQuestion): string =>
  [
    q.stem,
    q.prompt.quote ?? '',
    // An ordering's items are true events; a matching's lists are not statements (only its
    // hidden pairs are), nor a choice's options.
    ...(q.type === 'CHRONOLOGY' || q.type === 'TIMELINE_PLACEMENT'
      ? (q.prompt.items ?? []).map((c) => c.label)
      : []),
  ].join('\n');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How close the answer must sit to a name: "the Iran–Iraq War (1980–88)", not "Alrumaihi (2024) … Manama". */
const NEAR = 40;

/**
 * Whether `text` shows the answer beside one of the names. A true/false stem may be false, so
 * only its parentheses (the framing: "During the Iran–Iraq War (1980–88), Qatar …") count.
 */
const givesAway = (
  text: string,
  answerRe: RegExp,
  names: readonly string[],
  giver: ClueQuestion,
): boolean => {
  const shown = giver.type === 'TRUE_FALSE' ? (text.match(/\([^)]*\)/g) ?? []).join(' ') : text;
  const scope = giver.type === 'TRUE_FALSE' ? text : shown;
  const global = new RegExp(answerRe.source, 'g');
  for (const hit of shown.matchAll(global)) {
    const i = hit.index ?? 0;
    // "Mohammad Alrumaihi (2024)" dates a source, not what the item asks.
    if (shown[i - 1] === '(' && shown[i + hit[0].length] === ')' && /^\d{4}$/.test(hit[0])) {
      continue;
    }
    const at = giver.type === 'TRUE_FALSE' ? scope.indexOf(hit[0]) : (hit.index ?? 0);
    const window = scope.slice(Math.max(0, at - NEAR - 60), at + hit[0].length + NEAR);
    if (names.some((n) => window.includes(n))) {
      return true;
    }
  }
  return false;
};

export const setClues = (
  items: readonly { position: number; question: ClueQuestion }[],
): SetClue[] => {
  const clues: SetClue[] = [];
  for (const taker of items) {
    const answer = answerOf(taker.question);
    if (!answer) {
      continue;
    }
    const names = namesIn(taker.question.stem, answer);
    if (names.length === 0) {
      continue;
    }
    const answerRe = new RegExp(`(?<![\\w-])${escapeRegExp(answer)}(?![\\w-])`);
    for (const giver of items) {
      if (giver.position === taker.position) {
        continue;
      }
      const text = shownText(giver.question);
      if (givesAway(text, answerRe, names, giver.question)) {
        clues.push({ givenBy: giver.position, answers: taker.position, answer });
      }
    }
  }
  return clues.sort((a, b) => a.answers - b.answers || a.givenBy - b.givenBy);
};

/**
 * For a whole bank: each question's clue keys, one per clue pair it is part of (the answered
 * question's id, held by both), so a quiz draw can keep the pair apart without comparing texts
 * (spreadPick). Sorted, so a rebuilt bank stores the same arrays.
 */
export const clueKeysOf = (questions: readonly (ClueQuestion & { id: string })[]): string[][] => {
  const keys = questions.map(() => new Set<string>());
  for (const clue of setClues(questions.map((question, position) => ({ position, question })))) {
    const answered = questions[clue.answers]?.id;
    if (answered !== undefined) {
      keys[clue.givenBy]?.add(answered);
      keys[clue.answers]?.add(answered);
    }
  }
  return keys.map((k) => [...k].sort());
};
