import { createTestDatabase, type TestDatabase } from '@quiz/prisma/test-database';
import { seedTinyKb } from '../../test/factories/knowledge';
import { createQuestions } from '../../test/factories/questions';
import { getLeaderboard } from '../modules/leaderboard/service';
import { storeBank, toBankQuestion } from '../modules/questions/bank';
import { seedDemo } from './demo';

const snapshot = async (database: TestDatabase) => {
  const out: Record<string, unknown> = {};
  for (const table of [
    'User',
    'Class',
    'ClassMember',
    'Question',
    'QuestionSet',
    'QuestionSetItem',
    'Attempt',
    'AttemptItem',
    'ReviewCard',
    'LeaderboardEntry',
    'LeaderboardCount',
  ]) {
    const rows = await database.db.$queryRawUnsafe<{ rows: unknown }[]>(
      `SELECT coalesce(json_agg(t ORDER BY t::text), '[]'::json) AS rows FROM "${table}" t`,
    );
    out[table] = rows[0]?.rows;
  }
  return out;
};

describe('the API seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedTinyKb(database.db);
  });
  afterAll(() => database.drop());

  it('stores the bank idempotently and never changes or removes what sets and attempts use', async () => {
    const db = database.db;
    const rows = await createQuestions(db, 4);
    const bank = rows.map((row) => toBankQuestion(row));
    const now = new Date('2026-11-25T10:00:00Z');
    expect(await storeBank({ db, questions: bank, now })).toEqual({
      created: 0,
      updated: 0,
      keptReferenced: 0,
      removed: 0,
      keptObsolete: 0,
      retired: 0,
      restored: 0,
    });
    const [used, changed, dropped, kept] = bank as [
      (typeof bank)[0],
      (typeof bank)[0],
      (typeof bank)[0],
      (typeof bank)[0],
    ];
    const teacher = await db.user.create({ data: { displayName: 'T', role: 'TEACHER' } });
    await db.questionSet.create({
      data: {
        ownerId: teacher.id,
        title: 'Uses one',
        items: {
          create: [
            { position: 0, questionId: used.id },
            { position: 1, questionId: kept.id },
          ],
        },
      },
    });
    const next = [
      { ...used, stem: 'A new wording for a used question?' },
      { ...changed, stem: 'A new wording for an unused question?' },
    ];
    expect(await storeBank({ db, questions: next, now })).toEqual({
      created: 0,
      updated: 1,
      keptReferenced: 1,
      removed: 1,
      keptObsolete: 1,
      retired: 1,
      restored: 0,
    });
    // The kept one left the bank: retired (issue 11.7), not served in new attempts.
    expect(await db.question.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      retiredReason: 'FACTS_CHANGED',
    });
    expect((await db.question.findUniqueOrThrow({ where: { id: used.id } })).stem).toBe(used.stem);
    expect((await db.question.findUniqueOrThrow({ where: { id: changed.id } })).stem).toBe(
      'A new wording for an unused question?',
    );
    expect(await db.question.findUnique({ where: { id: dropped.id } })).toBeNull();
    expect(await db.question.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await storeBank({ db, questions: next, now })).toMatchObject({
      created: 0,
      updated: 0,
      removed: 0,
      retired: 0,
    });
  });

  it('creates the demo through the services, and a second run changes nothing', async () => {
    const db = database.db;
    await createQuestions(db, 12, {
      types: ['SINGLE_CHOICE', 'CHRONOLOGY', 'NUMERIC_YEAR', 'MULTI_SELECT'],
    });
    const now = new Date();
    const summary = await seedDemo({ db, now });
    expect(summary).toContain('teacher@demo.quiz');
    const first = await snapshot(database);
    await seedDemo({ db, now: new Date(now.getTime() + 60_000) });
    expect(await snapshot(database)).toEqual(first);
    const teacher = await db.user.findUniqueOrThrow({ where: { email: 'teacher@demo.quiz' } });
    expect(teacher.role).toBe('TEACHER');
    const sets = await db.questionSet.findMany({ where: { ownerId: teacher.id } });
    expect(sets.map((s) => s.title).sort()).toEqual([
      'From alliance to rupture, 2011–2025',
      'Quiet decades, 1989–2010',
      'The Iran–Iraq War years',
    ]);
    expect(sets.every((s) => s.status === 'PUBLISHED' && s.shareCode)).toBe(true);
    const timed = sets.find((s) => s.scoringMode === 'SPEED_BONUS');
    expect(timed?.title).toBe('The Iran–Iraq War years');
    const board = await getLeaderboard({
      db,
      viewer: null,
      input: { setId: timed?.id, window: 'ALL_TIME' },
      now,
    });
    expect(board.totalPlayers).toBeGreaterThan(5);
    const student = await db.user.findUniqueOrThrow({ where: { email: 'student@demo.quiz' } });
    const members = await db.classMember.count({ where: { class: { teacherId: teacher.id } } });
    expect(members).toBe(9);
    expect(
      await db.attempt.count({ where: { userId: student.id, status: 'FINISHED' } }),
    ).toBeGreaterThan(0);
  });
});
