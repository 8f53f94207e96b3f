import type { FieldErrorLike } from '@/components/field';
import type { BankQuestionFieldsFragment, QuestionInput, QuestionType } from '@/gql/graphql';

export type Choice = { id: string; label: string };

/** The editor's working copy of a question (text fields stay strings until saved). */
export type EditorDraft = {
  type: QuestionType;
  stem: string;
  explanation: string;
  quote: string;
  options: Choice[];
  correctOptionIds: string[];
  /** CHRONOLOGY: in the correct order. MATCHING: the left-hand side. */
  items: Choice[];
  targets: Choice[];
  pairs: Record<string, string>;
  correctYear: string;
  numeric: { min: string; max: string; tolerance: string };
  rationales: Record<string, string>;
  rationaleCitations: Record<string, string[]>;
  citationIds: string[];
  era: string | null;
  themes: string[];
  /** SHORT_ANSWER: accepted names, one per line (the first is the usual one). */
  answers: string;
  /** SHORT_ANSWER: names a student might confuse with the answer, one per line. */
  nearMisses: string;
  answerHint: string;
};

export type EditorKind = 'choice' | 'chronology' | 'matching' | 'year' | 'typed';

export const editorKind = (type: QuestionType): EditorKind =>
  type === 'SHORT_ANSWER'
    ? 'typed'
    : type === 'CHRONOLOGY'
      ? 'chronology'
      : type === 'MATCHING'
        ? 'matching'
        : type === 'NUMERIC_YEAR'
          ? 'year'
          : 'choice';

let counter = 0;
/** A fresh id for an option the teacher adds. */
export const newChoiceId = (): string => {
  counter += 1;
  return `new-${Date.now().toString(36)}-${counter}`;
};

export const draftFromQuestion = (question: BankQuestionFieldsFragment): EditorDraft => {
  const { prompt, key } = question;
  const items =
    question.type === 'CHRONOLOGY'
      ? key.order
          .map((id) => prompt.items.find((item) => item.id === id))
          .filter((item): item is Choice => Boolean(item))
      : prompt.items.map(({ id, label }) => ({ id, label }));
  return {
    type: question.type,
    stem: question.stem,
    explanation: question.explanation,
    quote: prompt.quote ?? '',
    options: prompt.options.map(({ id, label }) => ({ id, label })),
    correctOptionIds: [...key.optionIds],
    items,
    targets: prompt.targets.map(({ id, label }) => ({ id, label })),
    pairs: Object.fromEntries(key.pairs.map((pair) => [pair.itemId, pair.targetId])),
    correctYear: key.year?.toString() ?? '',
    numeric: {
      min: prompt.numeric?.min.toString() ?? '',
      max: prompt.numeric?.max.toString() ?? '',
      tolerance: prompt.numeric?.tolerance.toString() ?? '0',
    },
    rationales: Object.fromEntries(
      key.rationales.map((rationale) => [rationale.ref, rationale.text]),
    ),
    rationaleCitations: Object.fromEntries(
      key.rationales.map((rationale) => [
        rationale.ref,
        rationale.citations.map((citation) => citation.id),
      ]),
    ),
    citationIds: question.citations.map((citation) => citation.id),
    era: question.era?.slug ?? null,
    themes: question.themes.map((theme) => theme.slug),
    answers: key.answers.join('\n'),
    nearMisses: key.rejects.join('\n'),
    answerHint: prompt.answerHint ?? '',
  };
};

/** The non-blank lines of a one-name-per-line field. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export const blankDraft = (type: QuestionType): EditorDraft => {
  const options =
    type === 'TRUE_FALSE'
      ? [
          { id: 'true', label: 'True' },
          { id: 'false', label: 'False' },
        ]
      : [
          { id: newChoiceId(), label: '' },
          { id: newChoiceId(), label: '' },
          { id: newChoiceId(), label: '' },
        ];
  return {
    type,
    stem: '',
    explanation: '',
    quote: '',
    options,
    correctOptionIds: [],
    items: [],
    targets: [],
    pairs: {},
    correctYear: '',
    numeric: { min: '1946', max: '2025', tolerance: '0' },
    rationales: {},
    rationaleCitations: {},
    citationIds: [],
    era: null,
    themes: [],
    answers: '',
    nearMisses: '',
    answerHint: '',
  };
};

/** The refs that can carry a rationale, in the order the input sends them. */
export const rationaleRefs = (draft: EditorDraft): string[] => {
  switch (editorKind(draft.type)) {
    case 'year':
      return ['year'];
    case 'typed':
      return ['answer'];
    case 'chronology':
    case 'matching':
      return draft.items.map((item) => item.id);
    default:
      return draft.options.map((option) => option.id);
  }
};

const int = (text: string): number | null =>
  /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null;

/** The QuestionInput to save, with exactly the fields the type needs. */
export const toQuestionInput = (draft: EditorDraft): { input: QuestionInput; refs: string[] } => {
  const refs = rationaleRefs(draft).filter((ref) => (draft.rationales[ref] ?? '').trim() !== '');
  const base: QuestionInput = {
    type: draft.type,
    stem: draft.stem.trim(),
    explanation: draft.explanation.trim(),
    citationIds: draft.citationIds,
    themes: draft.themes,
    ...(draft.era ? { era: draft.era } : {}),
    rationales: refs.map((ref) => ({
      ref,
      text: (draft.rationales[ref] ?? '').trim(),
      citationIds: draft.rationaleCitations[ref] ?? [],
    })),
  };
  switch (editorKind(draft.type)) {
    case 'year':
      return {
        refs,
        input: {
          ...base,
          correctYear: int(draft.correctYear),
          numeric: {
            min: int(draft.numeric.min) ?? 0,
            max: int(draft.numeric.max) ?? 0,
            tolerance: int(draft.numeric.tolerance) ?? 0,
          },
        },
      };
    case 'typed':
      return {
        refs,
        input: {
          ...base,
          correctAnswers: linesOf(draft.answers),
          nearMisses: linesOf(draft.nearMisses),
          answerHint: draft.answerHint.trim() || null,
        },
      };
    case 'chronology':
      return {
        refs,
        input: { ...base, items: draft.items, correctOrder: draft.items.map((item) => item.id) },
      };
    case 'matching':
      return {
        refs,
        input: {
          ...base,
          items: draft.items,
          targets: draft.targets,
          correctPairs: draft.items
            .filter((item) => draft.pairs[item.id])
            .map((item) => ({ itemId: item.id, targetId: draft.pairs[item.id] ?? '' })),
        },
      };
    default:
      return {
        refs,
        input: {
          ...base,
          options: draft.options,
          correctOptionIds: draft.correctOptionIds,
          ...(draft.type === 'WHO_SAID' ? { quote: draft.quote.trim() } : {}),
        },
      };
  }
};

/** Problems the browser can see before asking the server (same field paths as the API's). */
export const validateDraft = (draft: EditorDraft): FieldErrorLike[] => {
  const errors: FieldErrorLike[] = [];
  const push = (field: string, message: string, code = 'REQUIRED') =>
    errors.push({ field, message, code });
  if (draft.stem.trim().length === 0) {
    push('stem', 'Write the question.');
  } else if (draft.stem.trim().length < 10) {
    push('stem', 'The question is too short: use at least 10 characters.', 'TOO_SHORT');
  }
  if (draft.type === 'WHO_SAID' && draft.quote.trim() === '') {
    push('quote', 'Add the words to attribute.');
  }
  const kind = editorKind(draft.type);
  if (kind === 'choice') {
    draft.options.forEach((option, index) => {
      if (option.label.trim() === '') {
        push(`options.${index}.label`, `Option ${index + 1} needs some text.`);
      }
    });
    const labels = draft.options.map((option) => option.label.trim().toLowerCase()).filter(Boolean);
    if (new Set(labels).size !== labels.length) {
      push('options', 'Two options have the same text.', 'DUPLICATE');
    }
    if (draft.correctOptionIds.length === 0) {
      push('correctOptionIds', 'Mark the correct answer.');
    } else if (draft.type !== 'MULTI_SELECT' && draft.correctOptionIds.length > 1) {
      push('correctOptionIds', 'Only one answer can be correct for this type.', 'TOO_MANY');
    }
  }
  if (kind === 'chronology' || kind === 'matching') {
    draft.items.forEach((item, index) => {
      if (item.label.trim() === '') {
        push(`items.${index}.label`, `Item ${index + 1} needs some text.`);
      }
    });
  }
  if (kind === 'matching') {
    draft.targets.forEach((target, index) => {
      if (target.label.trim() === '') {
        push(`targets.${index}.label`, `Match ${index + 1} needs some text.`);
      }
    });
    if (draft.items.some((item) => !draft.pairs[item.id])) {
      push('correctPairs', 'Choose the correct match for every item.');
    }
  }
  if (kind === 'year') {
    const year = int(draft.correctYear);
    const min = int(draft.numeric.min);
    const max = int(draft.numeric.max);
    if (year === null) {
      push('correctYear', 'Enter the correct year as digits.');
    } else if (min !== null && max !== null && (year < min || year > max)) {
      push('correctYear', `The correct year must lie between ${min} and ${max}.`, 'OUT_OF_RANGE');
    }
    if (min === null || max === null || min >= max) {
      push('numeric.min', 'The earliest year must be before the latest.', 'OUT_OF_RANGE');
    }
  }
  if (kind === 'typed') {
    const answers = linesOf(draft.answers);
    if (answers.length === 0) {
      push('correctAnswers', 'Give the answer as the sources name it.');
    }
    const plain = answers.map((answer) => answer.toLowerCase());
    if (new Set(plain).size !== plain.length) {
      push('correctAnswers', 'A spelling is listed twice.', 'DUPLICATE');
    }
    const accepted = new Set(plain);
    if (linesOf(draft.nearMisses).some((name) => accepted.has(name.toLowerCase()))) {
      push('nearMisses', 'A near miss is also an accepted answer.', 'DUPLICATE');
    }
  }
  if (draft.explanation.trim() === '') {
    push('explanation', 'Explain the answer: students read this after answering.');
  }
  return errors;
};

/** The id of the control an error's field path points at (for the error summary links). */
export const controlFor = (field: string, refs: readonly string[]): string | null => {
  if (['stem', 'explanation', 'quote', 'correctYear', 'answerHint'].includes(field)) {
    return `q-${field}`;
  }
  const typed = field.match(/^(correctAnswers|nearMisses)(\.\d+)?$/);
  if (typed) {
    return `q-${typed[1]}`;
  }
  const option = field.match(/^(options|items|targets)\.(\d+)(\.label)?$/);
  if (option) {
    return `q-${option[1]}-${option[2]}-label`;
  }
  if (field === 'options' || field === 'correctOptionIds' || field.startsWith('correctOptionIds')) {
    return 'q-options-0-label';
  }
  if (field.startsWith('correctPairs') || field === 'items' || field === 'targets') {
    return 'q-items-0-label';
  }
  if (field.startsWith('numeric')) {
    return `q-numeric-${field.split('.')[1] ?? 'min'}`;
  }
  const rationale = field.match(/^rationales\.(\d+)/);
  if (rationale) {
    const ref = refs[Number(rationale[1])];
    return ref ? `q-rationale-${ref}` : null;
  }
  return null;
};
