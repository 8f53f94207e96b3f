import type { PrismaClient } from '@quiz/prisma';
import { randomCode } from '../../src/lib/codes';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createGuest, createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// A typed code that starts no quiz says why, with a stable value per case: UNKNOWN (a typo),
// ARCHIVED_QUIZ, CLASS (join the class instead). `Query.joinCode` for the join page,
// `extensions.reason` on startAttempt's NOT_FOUND.

const LOOKUP = 'query ($code: String!) { joinCode(code: $code) { kind set { id title } } }';
const START = 'mutation ($code: String!) { startAttempt(input: { code: $code }) { id } }';

describe('join codes', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  it('tells a quiz, an archived quiz, a class code and an unknown code apart', async () => {
    const live = await createTeacherWithSet(db, { questions: 1 });
    const archived = await createTeacherWithSet(db, { questions: 1 });
    await db.questionSet.update({ where: { id: archived.set.id }, data: { status: 'ARCHIVED' } });
    const klass = await db.class.create({
      data: {
        teacherId: live.teacher.id,
        name: 'Class 9B',
        joinCode: randomCode(6),
        createdAt: new Date(),
      },
    });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const anonymous = as(api);

    const kinds = async (code: string) =>
      (
        await ok<{ joinCode: { kind: string; set: { id: string } | null } }>(
          anonymous(LOOKUP, { code }),
        )
      ).joinCode;
    expect(await kinds(` ${live.set.shareCode?.toLowerCase()} `)).toEqual({
      kind: 'QUIZ',
      set: { id: live.set.id, title: live.set.title },
    });
    expect(await kinds(archived.set.shareCode ?? '')).toEqual({ kind: 'ARCHIVED_QUIZ', set: null });
    expect(await kinds(klass.joinCode)).toEqual({ kind: 'CLASS', set: null });
    expect(await kinds('ZZZZZZ')).toEqual({ kind: 'UNKNOWN', set: null });
    expect(await kinds('!')).toEqual({ kind: 'UNKNOWN', set: null });

    const reasonOf = async (code: string) => {
      const { errors } = await run(START, { code });
      return { code: errors?.[0]?.extensions?.code, reason: errors?.[0]?.extensions?.reason };
    };
    expect(await reasonOf(archived.set.shareCode ?? '')).toEqual({
      code: 'NOT_FOUND',
      reason: 'ARCHIVED_QUIZ',
    });
    expect(await reasonOf(klass.joinCode)).toEqual({ code: 'NOT_FOUND', reason: 'CLASS' });
    expect(await reasonOf('ZZZZZZ')).toEqual({ code: 'NOT_FOUND', reason: 'UNKNOWN' });
  });

  it('counts lookups that find no quiz per address, so class codes cannot be tested for free', async () => {
    const from = { ip: '203.0.113.77' };
    const anonymous = as(api, undefined, from);
    const live = await createTeacherWithSet(db, { questions: 1 });
    for (let i = 0; i < 120; i++) {
      await ok(anonymous(LOOKUP, { code: 'QQQQQQ' }));
    }
    const { errors } = await anonymous(LOOKUP, { code: 'QQQQQQ' });
    expect(errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // A real quiz code still answers.
    expect(
      (await ok<{ joinCode: { kind: string } }>(anonymous(LOOKUP, { code: live.set.shareCode })))
        .joinCode.kind,
    ).toBe('QUIZ');
  });
  it('counts startAttempt and joinClass misses per address too: no free class-code oracle', async () => {
    // startAttempt's miss says CLASS or UNKNOWN (extensions.reason) and was counted only per
    // player (60 starts a minute), and joinClass per player (20 per 10 min): guests cost one
    // request each and accounts one sign-up, so one address could test class codes by the
    // hundred thousand an hour. Misses now count against the lookup's 120 per 10 min per address.
    const from = { ip: '203.0.113.78' };
    const guesses = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const guest = await createGuest(db);
        const { errors } = await as(api, guest.token, from)(START, { code: 'QQQQQQ' });
        expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
    };
    await guesses(120);
    const late = await createGuest(db);
    const { errors } = await as(api, late.token, from)(START, { code: 'QQQQQQ' });
    expect(errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(errors?.[0]?.extensions?.reason).toBeUndefined();
    // A quiz code still starts.
    const live = await createTeacherWithSet(db, { questions: 1 });
    await ok(as(api, late.token, from)(START, { code: live.set.shareCode }));

    const other = { ip: '203.0.113.79' };
    const JOIN =
      'mutation ($code: String!) { joinClass(code: $code) { class { id } errors { code } } }';
    for (let s = 0; s < 6; s++) {
      const student = await createStudent(db);
      for (let i = 0; i < 20; i++) {
        const joined = await ok<{ joinClass: { errors: { code: string }[] } }>(
          as(api, student.token, other)(JOIN, { code: 'QQQQQQ' }),
        );
        expect(joined.joinClass.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      }
    }
    const klass = await db.class.create({
      data: {
        teacherId: live.teacher.id,
        name: 'Class 9C',
        joinCode: randomCode(6),
        createdAt: new Date(),
      },
    });
    const next = await createStudent(db);
    const refused = await as(api, next.token, other)(JOIN, { code: klass.joinCode });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await db.classMember.count({ where: { classId: klass.id } })).toBe(0);
    // From another address the right code joins at once.
    await ok(as(api, next.token, { ip: '203.0.113.80' })(JOIN, { code: klass.joinCode }));
    expect(await db.classMember.count({ where: { classId: klass.id } })).toBe(1);
  });
});
