import { sharedBank } from '../../../test/factories/bank';
import { rightResponse, wrongResponse } from '../../seed/responses';
import { loadKbFiles } from '../questions/generator/load-kb-files';
import { scoreResponse } from '../questions/scoring';
import { responseProblem } from './responses';

/**
 * The API's response check (BAD_USER_INPUT before scoring) must accept every well-formed answer
 * to every question the real generator produces, and agree with the scorer on right and wrong.
 */
describe('response checks against the real question bank', () => {
  const { questions } = sharedBank({ kb: loadKbFiles(), seed: 20_251_125 });

  it('has questions of every type (typed short answers included since issue 11)', () => {
    expect(new Set(questions.map((q) => q.type)).size).toBe(13);
  });

  it('accepts the right and a wrong answer to every question, and the scorer agrees', () => {
    for (const q of questions) {
      const right = rightResponse(q.type, q.key);
      const wrong = wrongResponse(q.type, q.prompt, q.key);
      expect([q.id, responseProblem(q.type, q.prompt, right)]).toEqual([q.id, null]);
      expect([q.id, responseProblem(q.type, q.prompt, wrong)]).toEqual([q.id, null]);
      const scored = scoreResponse({ type: q.type, prompt: q.prompt, key: q.key, response: right });
      expect([q.id, { credit: scored.credit, isCorrect: scored.isCorrect }]).toEqual([
        q.id,
        { credit: 1, isCorrect: true },
      ]);
      expect(
        scoreResponse({ type: q.type, prompt: q.prompt, key: q.key, response: wrong }).isCorrect,
      ).toBe(false);
    }
  });

  it.each([
    ['unknown ids', (ids: string[]) => ({ optionIds: [`${ids[0]}-nope`] })],
    ['an empty pick', () => ({ optionIds: [] })],
    ['a field of another type', () => ({ year: 1980, optionIds: ['x'] })],
  ])('refuses %s for choice questions', (_name, make) => {
    const q = questions.find((x) => x.type === 'SINGLE_CHOICE');
    expect(q).toBeDefined();
    if (q) {
      const ids = (q.prompt.options ?? []).map((o) => o.id);
      expect(responseProblem(q.type, q.prompt, make(ids))).not.toBeNull();
    }
  });
});
