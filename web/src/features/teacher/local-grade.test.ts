import { emptyDraft } from '@/features/play/response';
import { bankQuestion } from '@/test/fixtures';
import { citationsOf, gradeLocally } from './local-grade';

describe('gradeLocally (teacher preview)', () => {
  it('grades a choice against the key with full feedback', () => {
    const question = bankQuestion();
    const right = gradeLocally(question, { ...emptyDraft(question), optionIds: ['o1'] });
    expect(right).toMatchObject({
      isCorrect: true,
      credit: 1,
      points: 1000,
      citationIds: question.citations.map((citation) => citation.id),
    });
    // Rationales point at their passages by id, and the table holds each passage once.
    expect(right.key.rationales.map((rationale) => rationale.citationIds)).toEqual([
      ['c1'],
      ['c2'],
      [],
    ]);
    expect(citationsOf(question).map((citation) => citation.id)).toEqual(['c1', 'c2']);
    const wrong = gradeLocally(question, { ...emptyDraft(question), optionIds: ['o2'] });
    expect(wrong).toMatchObject({ isCorrect: false, points: 0, response: { optionIds: ['o2'] } });
  });
});
