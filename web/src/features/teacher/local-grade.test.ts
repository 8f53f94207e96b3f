import { emptyDraft } from '@/features/play/response';
import { bankQuestion } from '@/test/fixtures';
import { gradeLocally } from './local-grade';

describe('gradeLocally (teacher preview)', () => {
  it('grades a choice against the key with full feedback', () => {
    const question = bankQuestion();
    const right = gradeLocally(question, { ...emptyDraft(question), optionIds: ['o1'] });
    expect(right).toMatchObject({
      isCorrect: true,
      credit: 1,
      points: 1000,
      citations: question.citations,
    });
    const wrong = gradeLocally(question, { ...emptyDraft(question), optionIds: ['o2'] });
    expect(wrong).toMatchObject({ isCorrect: false, points: 0, response: { optionIds: ['o2'] } });
  });
});
