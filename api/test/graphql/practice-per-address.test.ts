import type { PrismaClient } from '@quiz/prisma';
import { as, ok } from '../factories/graphql';
import { createQuestions } from '../factories/questions';
import { createGuest } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const PRACTICE = `mutation { startPractice(input: { count: 30 }) { id } }`;
const REVIEW = `mutation { startReview(count: 5) { id } }`;

/**
 * Probe round 7: practice and review each write a set and an attempt of up to 30 items, counted
 * per player only (60 a minute), and a guest costs one request (120 an hour per address), so one
 * address wrote 300 practice sets (9,000 set items, 9,000 attempt items, 3 MB) in 8 s from five
 * guests and could go on at that pace. They are now counted per address as well.
 */
describe('practice and review per address', () => {
  let api: TestApi;
  let db: PrismaClient;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await createQuestions(db, 40);
  });
  afterAll(async () => {
    await api.close();
  });

  const practiceSets = () => db.questionSet.count({ where: { isPractice: true } });

  it('refuses a new practice or review once the address has used its window, whoever asks', async () => {
    const ip = '203.0.113.70';
    // The window (1,200 an hour, `practicePerIp`) almost used up by earlier guests of this
    // address: 1,199 real starts would take the test minutes.
    await db.rateLimitBucket.create({
      data: { key: `practice:ip:${ip}`, count: 1199, resetAt: new Date(Date.now() + 3_600_000) },
    });
    const first = await createGuest(db);
    const second = await createGuest(db);
    await ok(as(api, first.token, { ip })(PRACTICE));
    const before = await practiceSets();
    for (const [player, document] of [
      [second, PRACTICE],
      [first, PRACTICE],
      [second, REVIEW],
    ] as const) {
      const refused = await as(api, player.token, { ip })(document);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect((refused.errors?.[0]?.extensions?.retryAfter as number) > 0).toBe(true);
    }
    expect(await practiceSets()).toBe(before);
    // Another address is not held by this one.
    await ok(as(api, second.token, { ip: '203.0.113.71' })(PRACTICE));
  });
});
