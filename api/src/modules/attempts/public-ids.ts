/**
 * What a player sees instead of a question's own choice ids. Stored ids are often knowledge-base
 * slugs (`syrian-crisis-erupts`, `1979`), so `event(slug:)` would answer the question before it is
 * answered. Players get ids by place in the stored prompt instead: options `o1…`, items `i1…`,
 * targets `t1…`. They are stable per question (a resumed attempt or a retake sees the same ids),
 * carry nothing but the position the player already sees, and the server maps them back before
 * checking and scoring, and forward again for the stored response and the key.
 */
import type { Question } from '@quiz/prisma';
import { hashSeed, type Rng, seededRng, shuffle } from '../../lib/rng';
import { promptOf } from '../questions/bank';
import type { QuestionKey, QuestionPrompt, QuestionResponse } from '../questions/types';

type ChoiceList = 'options' | 'items' | 'targets';
const PREFIX: Record<ChoiceList, string> = { options: 'o', items: 'i', targets: 't' };
const LISTS: readonly ChoiceList[] = ['options', 'items', 'targets'];

export type IdMaps = {
  /** Stored id → public id, per list. */
  toPublic: Record<ChoiceList, Map<string, string>>;
  /** Public id → stored id, per list. */
  toStored: Record<ChoiceList, Map<string, string>>;
};

/**
 * The prompt in the order a player sees it, all lists shuffled by one seed from the question's
 * id: choice options (`presentedOptions`), and ordering and matching lists, which the editor
 * stores in the answer's order (a teacher's CHRONOLOGY items are typed in order, the order typed
 * is the key) and a teacher writes MATCHING targets beside their items, and imports do the
 * same, so shown as stored (with ids by place) they came solved. Items (CHRONOLOGY) and targets
 * (MATCHING) are shuffled by a seed from the question's id (hidden from players until they have
 * answered it); the same question always shows the same order, so resumed attempts, retakes and
 * live games agree.
 *
 * The shuffle is uniform: it may come out in the key's order (1 in 6 for three items), and that
 * tells nothing. Ruling that order out was a clue (probe, round 4): a 2 × 2 matching question was
 * then always shown crossed, so crossing it was always right; the reverse of a shown 3-item order
 * earned 0.61 on average instead of 0.5, a 3 × 3 matching answered "two along" 0.50 instead of
 * 0.33.
 */
export const playerPrompt = (question: Pick<Question, 'id' | 'type' | 'prompt' | 'key'>) => {
  const prompt = promptOf(question);
  const rng = seededRng(hashSeed(`present:${question.id}`));
  if (question.type === 'CHRONOLOGY' && prompt.items) {
    return { ...prompt, items: shuffle(prompt.items, rng) };
  }
  if (question.type === 'MATCHING' && prompt.items && prompt.targets) {
    return { ...prompt, targets: shuffle(prompt.targets, rng) };
  }
  if ((question.type === 'SINGLE_CHOICE' || question.type === 'MULTI_SELECT') && prompt.options) {
    return { ...prompt, options: presentedOptions(prompt.options, rng) };
  }
  return prompt;
};

const MULTIPLIERS: Record<string, number> = {
  bn: 1e9,
  billion: 1e9,
  m: 1e6,
  million: 1e6,
  k: 1e3,
  thousand: 1e3,
};

/**
 * The value of an option that is a number ("1979", "$30bn", "$50 billion", "12%", "1980–1988"
 * by its first year), or null. Thousands separators are commas; a range counts by its start.
 */
const numberOf = (label: string): number | null => {
  const text = label.trim();
  const match =
    /^[$€£]?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(?:[–-]\s*[$€£]?\d[\d,]*(?:\.\d+)?)?\s*%?\s*(bn|m|k|billion|million|thousand)?$/i.exec(
      text,
    );
  if (!match) {
    return null;
  }
  const value = Number((match[1] ?? '').replaceAll(',', ''));
  const unit = match[2]?.toLowerCase();
  return Number.isFinite(value) ? value * (unit ? (MULTIPLIERS[unit] ?? 1) : 1) : null;
};

/** "All of the above", "None of these", "Both": read against the rest, so they stay last. */
const AGAINST_THE_REST =
  /^(all|none|both|neither)\b.*\b(above|these|of them|options)\b|^(both|neither)\b/i;

/**
 * Options as a player sees them. The editor and the imports store a teacher's options as written,
 * so a teacher who always wrote the answer first gave it away (security.md, "What is left"): they
 * are shuffled by the question's seed like ordering items. Generated ones too: they were shuffled
 * at build, and a second shuffle tells a player nothing. Options that are all numbers
 * (years, amounts) are sorted by value, which is how a reader scans them; kept as written, a
 * teacher's "1979, 1978, 1980, 1981" showed her answer first (probe round 12). Options read
 * against the rest ("All of the above") stay last, in their order.
 */
const presentedOptions = <T extends { label: string }>(options: T[], rng: Rng): T[] => {
  const values = options.map((option) => numberOf(option.label));
  if (values.every((value) => value !== null)) {
    const order = options.map((option, index) => ({ option, value: values[index] ?? 0 }));
    return order.sort((a, b) => a.value - b.value).map(({ option }) => option);
  }
  const last = options.filter((option) => AGAINST_THE_REST.test(option.label.trim()));
  const rest = options.filter((option) => !last.includes(option));
  return [...shuffle(rest, rng), ...last];
};

/** Ids by place in the prompt as given: pass playerPrompt(question) for anything players see. */
export const idMapsOf = (prompt: QuestionPrompt): IdMaps => {
  const toPublic = {
    options: new Map(),
    items: new Map(),
    targets: new Map(),
  } as IdMaps['toPublic'];
  const toStored = {
    options: new Map(),
    items: new Map(),
    targets: new Map(),
  } as IdMaps['toStored'];
  for (const list of LISTS) {
    (prompt[list] ?? []).forEach((choice, index) => {
      const id = `${PREFIX[list]}${index + 1}`;
      toPublic[list].set(choice.id, id);
      toStored[list].set(id, choice.id);
    });
  }
  return { toPublic, toStored };
};

/**
 * An id the client sent that is not one of the question's public ids. It is kept recognisable
 * (and can match no stored id of a well-formed question) so the response check refuses it as an
 * unknown id; a stored id sent as is is unknown too, so knowing a slug gains nothing.
 */
const UNKNOWN = (id: string): string => `\u0000${id}`;

const lookup = (map: Map<string, string>, id: string, fallback: (id: string) => string): string =>
  map.get(id) ?? fallback(id);

/** The prompt as a player sees it: the same choices in the same order, with public ids. */
export const publicPrompt = (prompt: QuestionPrompt, maps = idMapsOf(prompt)): QuestionPrompt => {
  const out: QuestionPrompt = { ...prompt };
  for (const list of LISTS) {
    const choices = prompt[list];
    if (choices) {
      out[list] = choices.map((choice, index) => ({
        id: maps.toPublic[list].get(choice.id) ?? `${PREFIX[list]}${index + 1}`,
        label: choice.label,
      }));
    }
  }
  return out;
};

/** A player's response in stored ids (unknown ids stay unknown, for the response check). */
export const storedResponse = (response: QuestionResponse, maps: IdMaps): QuestionResponse => {
  const { options, items, targets } = maps.toStored;
  return {
    ...response,
    ...(response.optionIds && {
      optionIds: response.optionIds.map((id) => lookup(options, id, UNKNOWN)),
    }),
    ...(response.order && { order: response.order.map((id) => lookup(items, id, UNKNOWN)) }),
    ...(response.pairs && {
      pairs: response.pairs.map((pair) => ({
        itemId: lookup(items, pair.itemId, UNKNOWN),
        targetId: lookup(targets, pair.targetId, UNKNOWN),
      })),
    }),
  };
};

/** A stored response (or key fields) in public ids. */
export const publicResponse = <T extends Partial<QuestionResponse>>(value: T, maps: IdMaps): T => {
  const { options, items, targets } = maps.toPublic;
  const same = (id: string) => id;
  return {
    ...value,
    ...(value.optionIds && { optionIds: value.optionIds.map((id) => lookup(options, id, same)) }),
    ...(value.order && { order: value.order.map((id) => lookup(items, id, same)) }),
    ...(value.pairs && {
      pairs: value.pairs.map((pair) => ({
        itemId: lookup(items, pair.itemId, same),
        targetId: lookup(targets, pair.targetId, same),
      })),
    }),
  };
};

/** The key in public ids, rationales included (a ref names an option or an item, or "year"). */
export const publicKey = (key: QuestionKey, maps: IdMaps): QuestionKey => {
  const ref = (id: string) =>
    maps.toPublic.options.get(id) ??
    maps.toPublic.items.get(id) ??
    maps.toPublic.targets.get(id) ??
    id;
  return {
    ...publicResponse(key, maps),
    rationales: key.rationales.map((rationale) => ({ ...rationale, ref: ref(rationale.ref) })),
  };
};
