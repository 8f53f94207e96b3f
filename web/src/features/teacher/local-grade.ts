import { type ResponseDraft, toResponseInput } from '@/features/play/response';
import type {
  AnswerResultFieldsFragment,
  BankQuestionFieldsFragment,
  CitationFieldsFragment,
} from '@/gql/graphql';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

// Case, accents and punctuation only: the server's grader also folds transliterations and forgives
// slips, which the preview does not repeat (it would be a second copy of the API's rules).
const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const gradeTyped = (
  text: string,
  key: BankQuestionFieldsFragment['key'],
): AnswerResultFieldsFragment['grading'] => {
  const typed = plain(text);
  const index = key.answers.findIndex((answer) => plain(answer) === typed);
  if (typed !== '' && index >= 0) {
    return { match: index === 0 ? 'EXACT' : 'ALIAS', matched: key.answers[index] ?? null };
  }
  const reject = key.rejects.find((name) => plain(name) === typed);
  return reject ? { match: 'NEAR_MISS', matched: reject } : { match: 'WRONG', matched: null };
};

/**
 * Grades a teacher's preview answer in the browser against the key the teacher can see, so the
 * preview shows exactly the feedback a student would get. Students are always graded by the server.
 */
export const gradeLocally = (
  question: BankQuestionFieldsFragment,
  draft: ResponseDraft,
): AnswerResultFieldsFragment => {
  const input = toResponseInput(question, draft);
  const response = {
    optionIds: (input.optionIds ?? []).map(String),
    order: (input.order ?? []).map(String),
    pairs: (input.pairs ?? []).map((pair) => ({
      itemId: String(pair.itemId),
      targetId: String(pair.targetId),
    })),
    year: input.year ?? null,
    text: input.text ?? null,
  };
  const { key } = question;
  let credit = 0;
  const grading = question.type === 'SHORT_ANSWER' ? gradeTyped(response.text ?? '', key) : null;
  if (grading) {
    credit = grading.match === 'EXACT' || grading.match === 'ALIAS' ? 1 : 0;
  } else if (question.type === 'NUMERIC_YEAR') {
    const tolerance = question.prompt.numeric?.tolerance ?? 0;
    const distance =
      response.year === null || key.year === null || key.year === undefined
        ? Infinity
        : Math.abs(response.year - key.year);
    credit = distance === 0 ? 1 : distance <= tolerance ? 0.5 : 0;
  } else if (question.type === 'CHRONOLOGY') {
    const right = key.order.filter((id, index) => response.order[index] === id).length;
    credit = key.order.length ? right / key.order.length : 0;
  } else if (question.type === 'MATCHING') {
    const right = key.pairs.filter((pair) =>
      response.pairs.some(
        (given) => given.itemId === pair.itemId && given.targetId === pair.targetId,
      ),
    ).length;
    credit = key.pairs.length ? right / key.pairs.length : 0;
  } else {
    credit = sameSet(response.optionIds, key.optionIds) ? 1 : 0;
  }
  const isCorrect = credit === 1;
  return {
    position: 0,
    isCorrect,
    credit,
    points: Math.round(credit * 1000),
    timedOut: false,
    explanation: question.explanation,
    answeredAt: new Date().toISOString(),
    response,
    grading,
    // A student's result points at passages by id (the response carries them once).
    key: {
      ...key,
      rationales: key.rationales.map(({ citations, ...rationale }) => ({
        ...rationale,
        citationIds: citations.map((citation) => citation.id),
      })),
    },
    citationIds: question.citations.map((citation) => citation.id),
  };
};

/** The table a locally graded result's ids point into: the question's passages, each once. */
export const citationsOf = (question: BankQuestionFieldsFragment): CitationFieldsFragment[] => {
  const all = [
    ...question.citations,
    ...question.key.rationales.flatMap((rationale) => rationale.citations),
  ];
  return all.filter((citation, index) => all.findIndex((c) => c.id === citation.id) === index);
};
