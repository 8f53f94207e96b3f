import type { PrismaClient } from '@quiz/prisma';
import { as, ok } from '../factories/graphql';
import { createTeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';

type View = { liveCommand: { game: { seq: number; phase: string; questionIndex: number } } };

/**
 * Probe round 7: host commands sent twice at once (a double click, two host screens, a SKIP as
 * the deadline's automatic REVEAL goes out) each applied to whatever the game was by then: two
 * SKIPs skipped two questions (0 → 2), a SKIP and a REVEAL closed the next question unseen.
 * With the seq of the view it was chosen on, a command that finds the game moved on does nothing.
 */
describe('live host commands sent twice', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
  });
  afterAll(() => api.close());

  const started = async () => {
    const fixture = await createTeacherWithSet(db, { questions: 4 });
    const host = as(api, fixture.teacherToken);
    const created = await ok<{ createLiveGame: { game: { id: string } } }>(
      host(`mutation ($id: ID!) { createLiveGame(input: { setId: $id }) { game { id } } }`, {
        id: fixture.set.id,
      }),
    );
    const gameId = created.createLiveGame.game.id;
    const command = (name: string, seq?: number) =>
      ok<View>(
        host(
          `mutation ($g: ID!, $seq: Int) {
            liveCommand(gameId: $g, command: ${name}, seq: $seq) { game { seq phase questionIndex } }
          }`,
          { g: gameId, seq },
        ),
      );
    const start = await command('START');
    return { command, shown: start.liveCommand.game };
  };

  it('two SKIPs chosen on one view skip one question', async () => {
    const { command, shown } = await started();
    expect(shown).toMatchObject({ phase: 'QUESTION', questionIndex: 0 });
    const answers = await Promise.all([command('SKIP', shown.seq), command('SKIP', shown.seq)]);
    // A seq no view has: nothing is done, and the answer is the game as it stands.
    const last = await command('PAUSE', -1);
    // Before: question 2 (both applied).
    expect(last.liveCommand.game).toMatchObject({ phase: 'QUESTION', questionIndex: 1 });
    // Both answer the game as it is after the one that ran.
    for (const answer of answers) {
      expect(answer.liveCommand.game.questionIndex).toBe(1);
    }
  });

  it("a SKIP and the deadline's REVEAL on one view: one of them, never the next question closed", async () => {
    const { command, shown } = await started();
    await Promise.all([command('SKIP', shown.seq), command('REVEAL', shown.seq)]);
    const now = (await command('PAUSE', -1)).liveCommand.game;
    // Either the skip ran (question 1 open) or the reveal did (question 0 revealed).
    expect([
      { phase: 'QUESTION', questionIndex: 1 },
      { phase: 'REVEAL', questionIndex: 0 },
    ]).toContainEqual({ phase: now.phase, questionIndex: now.questionIndex });
  });

  it('without a seq a command runs as before', async () => {
    const { command } = await started();
    await command('SKIP');
    expect((await command('SKIP')).liveCommand.game.questionIndex).toBe(2);
  });
});
