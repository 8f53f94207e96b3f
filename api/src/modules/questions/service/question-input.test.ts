import { sharedBank } from '../../../../test/factories/bank';
import { loadKbFiles } from '../generator/load-kb-files';
import type { BankQuestion } from '../types';
import { parseQuestionInput, type QuestionInputValue } from './question-input';

// A teacher may open any generated question in the editor and save it: what the editor sends
// back (the question as it is) must pass the same validation as a hand-written question.
const asEditorInput = (question: BankQuestion): QuestionInputValue => ({
  type: question.type,
  stem: question.stem,
  options: question.prompt.options,
  items: question.prompt.items,
  targets: question.prompt.targets,
  numeric: question.prompt.numeric,
  quote: question.prompt.quote,
  correctOptionIds: question.key.optionIds,
  correctOrder: question.key.order,
  correctPairs: question.key.pairs,
  correctYear: question.key.year,
  correctAnswers: question.key.answers,
  nearMisses: question.key.rejects,
  answerHint: question.prompt.answerHint,
  explanation: question.explanation,
  rationales: question.key.rationales.map((rationale) => ({
    ref: rationale.ref,
    text: rationale.text,
    citationIds: rationale.citationIds,
  })),
  citationIds: question.citationIds,
  era: question.eraSlug,
  themes: question.themes,
});

const { questions } = sharedBank({ kb: loadKbFiles(), seed: 7 });

describe('editing a generated question unchanged', () => {
  it.each([...new Set(questions.map((question) => question.type))])(
    'is accepted for every %s question in the bank',
    (type) => {
      const failures = questions
        .filter((question) => question.type === type)
        .map((question) => ({
          id: question.id,
          result: parseQuestionInput(asEditorInput(question)),
        }))
        .filter(({ result }) => !result.ok)
        .map(({ id, result }) => `${id}: ${JSON.stringify(result.ok ? [] : result.errors)}`);
      expect(failures).toEqual([]);
    },
  );
});
