import type { DbClient, PrismaClient, Question, ScoringMode, User } from '@quiz/prisma';
import { seededRng } from '../lib/rng';
import { nameKey } from '../modules/accounts/nickname';
import { hashPassword } from '../modules/accounts/passwords';
import { idMapsOf, playerPrompt, publicResponse } from '../modules/attempts/public-ids';
import { answerQuestion, openQuestion } from '../modules/attempts/service/answer-question';
import { finishAttempt } from '../modules/attempts/service/finish-attempt';
import { startAttempt } from '../modules/attempts/service/start-attempt';
import { createClass, joinClass } from '../modules/classes/service';
import {
  createQuestionSet,
  publishQuestionSet,
  setQuestionSetItems,
} from '../modules/question-sets/service/write-sets';
import { keyOf, promptOf } from '../modules/questions/bank';
import { generateBankQuestions } from '../modules/questions/service/generate-questions';
import { rightResponse, wrongResponse } from './responses';

export const DEMO_TEACHER = {
  email: 'teacher@demo.quiz',
  password: 'demo-teacher-pass',
  displayName: 'Ms. Farahani',
};
export const DEMO_STUDENT = {
  email: 'student@demo.quiz',
  password: 'demo-student-pass',
  displayName: 'Darya Karimi',
};
const MORE_STUDENTS = [
  'Omid Rahimi',
  'Lina Haddad',
  'Karim Mansour',
  'Sara Tehrani',
  'Yusuf Khalil',
  'Nour Saleh',
  'Arash Moradi',
  'Maya Azar',
];
const CLASS_NAME = 'Year 11 History';

type DemoSet = {
  title: string;
  description: string;
  scoringMode: ScoringMode;
  timeLimitSec: number | null;
  eras: string[];
  count: number;
};

const SETS: DemoSet[] = [
  {
    title: 'The Iran–Iraq War years',
    description:
      'Revolution, war and an unlikely alliance, 1979–1988. Timed: answer fast for a bonus.',
    scoringMode: 'SPEED_BONUS',
    timeLimitSec: 30,
    eras: ['revolution-and-war', 'early-relations'],
    count: 8,
  },
  {
    title: 'From alliance to rupture, 2011–2025',
    description: 'The Syrian civil war, the strain of the 2020s and the fall of Assad.',
    scoringMode: 'ACCURACY',
    timeLimitSec: null,
    eras: ['civil-war', 'strain-and-gaza', 'after-assad'],
    count: 10,
  },
  {
    title: 'Quiet decades, 1989–2010',
    description: 'After the Iran–Iraq War, and Bashar al-Assad’s first decade.',
    scoringMode: 'ACCURACY',
    timeLimitSec: null,
    eras: ['between-wars', 'bashar-first-decade'],
    count: 6,
  },
];

/** The demo's answers are the same on every run. */
const rngFrom = (seed: number) => seededRng(seed).next;

const ensureUser = async (
  db: DbClient,
  user: { email: string; password: string; displayName: string; role: 'STUDENT' | 'TEACHER' },
): Promise<User> =>
  (await db.user.findUnique({ where: { email: user.email } })) ??
  db.user.create({
    data: {
      email: user.email,
      displayName: user.displayName,
      nameKey: nameKey(user.displayName),
      role: user.role,
      passwordHash: await hashPassword(user.password),
    },
  });

const ensureSet = async (
  db: PrismaClient,
  teacher: User,
  classId: string,
  spec: DemoSet,
  now: Date,
): Promise<string> => {
  const existing = await db.questionSet.findFirst({
    where: { ownerId: teacher.id, title: spec.title, isPractice: false },
  });
  if (existing) {
    return existing.id;
  }
  const drawn = await generateBankQuestions({
    db,
    input: { eras: spec.eras, count: spec.count, seed: 7 },
  });
  // A thin era still gets a playable set: top it up from the whole bank.
  const extra =
    drawn.questions.length >= 3
      ? []
      : (await generateBankQuestions({ db, input: { count: spec.count, seed: 11 } })).questions;
  const questions = [...drawn.questions, ...extra]
    .filter((q, i, all) => all.findIndex((x) => x.id === q.id) === i)
    .slice(0, spec.count);
  if (questions.length === 0) {
    throw new Error('The question bank is empty: the generator produced no questions.');
  }
  const created = await createQuestionSet({
    db,
    ownerId: teacher.id,
    input: {
      title: spec.title,
      description: spec.description,
      scoringMode: spec.scoringMode,
      // Some demo students play twice: their second attempt is a practice retake.
      allowRetakes: true,
      classId,
    },
    now,
  });
  const id = created.questionSet?.id;
  if (!id) {
    throw new Error(`Could not create the set "${spec.title}": ${JSON.stringify(created.errors)}`);
  }
  const filled = await setQuestionSetItems({
    db,
    ownerId: teacher.id,
    id,
    items: questions.map((q) => ({ questionId: q.id, timeLimitSec: spec.timeLimitSec })),
    now,
  });
  const published = await publishQuestionSet({ db, ownerId: teacher.id, id, now });
  if (filled.errors.length || published.errors.length) {
    throw new Error(`Could not fill the set "${spec.title}"`);
  }
  return id;
};

/**
 * Plays a set through the real services: open, answer (right with probability `skill`, after a
 * few seconds), finish. The clock is passed in, as the server's would be.
 */
const playSet = async (
  db: PrismaClient,
  player: User,
  setId: string,
  skill: number,
  startAt: Date,
  rng: () => number,
): Promise<number> => {
  const { attempt, items } = await startAttempt({
    db,
    user: player,
    input: { setId },
    now: startAt,
  });
  let clock = startAt.getTime() + 2_000;
  const questions = new Map<string, Question>(
    (await db.question.findMany({ where: { id: { in: items.map((i) => i.questionId) } } })).map(
      (q) => [q.id, q],
    ),
  );
  for (const item of items) {
    const question = questions.get(item.questionId) as Question;
    await openQuestion({
      db,
      userId: player.id,
      attemptId: attempt.id,
      position: item.position,
      now: new Date(clock),
    });
    clock += 3_000 + Math.floor(rng() * 20_000);
    const key = keyOf(question);
    const prompt = promptOf(question);
    // Players answer in the ids they see (by place), not the question's stored ids.
    const response = publicResponse(
      rng() < skill ? rightResponse(question.type, key) : wrongResponse(question.type, prompt, key),
      idMapsOf(playerPrompt(question)),
    );
    await answerQuestion({
      db,
      userId: player.id,
      attemptId: attempt.id,
      position: item.position,
      response,
      now: new Date(clock),
    });
    clock += 1_500;
  }
  const finished = await finishAttempt({
    db,
    userId: player.id,
    attemptId: attempt.id,
    now: new Date(clock),
  });
  return finished.score;
};

/**
 * The demo: a teacher, nine students in one class, three published sets, and finished attempts
 * (deterministic answers) spread over the last day and a half so every board has entries.
 */
export const seedDemo = async ({ db, now }: { db: PrismaClient; now: Date }): Promise<string> => {
  const teacher = await ensureUser(db, { ...DEMO_TEACHER, role: 'TEACHER' });
  const students = [await ensureUser(db, { ...DEMO_STUDENT, role: 'STUDENT' })];
  for (const [i, name] of MORE_STUDENTS.entries()) {
    students.push(
      await ensureUser(db, {
        email: `student${i + 2}@demo.quiz`,
        password: DEMO_STUDENT.password,
        displayName: name,
        role: 'STUDENT',
      }),
    );
  }
  let klass = await db.class.findFirst({ where: { teacherId: teacher.id, name: CLASS_NAME } });
  if (!klass) {
    const created = await createClass({
      db,
      teacherId: teacher.id,
      input: { name: CLASS_NAME },
      now,
    });
    klass = created.class;
  }
  if (!klass) {
    throw new Error('Could not create the demo class');
  }
  const members = new Set(
    (await db.classMember.findMany({ where: { classId: klass.id } })).map((m) => m.userId),
  );
  for (const student of students) {
    if (!members.has(student.id)) {
      const joined = await joinClass({ db, user: student, code: klass.joinCode, now });
      if (!joined.class) {
        throw new Error(`${student.displayName} could not join the demo class`);
      }
    }
  }
  const lines: string[] = [];
  for (const [s, spec] of SETS.entries()) {
    const setId = await ensureSet(db, teacher, klass.id, spec, now);
    const set = await db.questionSet.findUniqueOrThrow({ where: { id: setId } });
    const played = await db.attempt.count({ where: { setId } });
    if (played === 0) {
      // Most of the class plays each set; a few play twice (a retake: practice, unranked).
      for (const [i, student] of students.entries()) {
        if ((i + s) % 5 === 4) {
          continue;
        }
        const rng = rngFrom(1_000 * (s + 1) + i);
        const skill = 0.35 + 0.55 * rng();
        const startAt = new Date(
          now.getTime() - 36 * 3_600_000 + ((i * 9 + s * 3) * 3_600_000) / 10,
        );
        await playSet(db, student, setId, skill, startAt, rng);
        if (i % 4 === 0) {
          await playSet(
            db,
            student,
            setId,
            Math.min(0.95, skill + 0.2),
            new Date(startAt.getTime() + 3_600_000),
            rng,
          );
        }
      }
    }
    const attempts = await db.attempt.count({ where: { setId, status: 'FINISHED' } });
    lines.push(`  "${set.title}" — code ${set.shareCode}, ${attempts} finished attempts`);
  }
  return [
    `Demo: teacher ${DEMO_TEACHER.email} / ${DEMO_TEACHER.password}, student ${DEMO_STUDENT.email} / ${DEMO_STUDENT.password} (+${MORE_STUDENTS.length} more students, student2@demo.quiz to student${MORE_STUDENTS.length + 1}@demo.quiz, password ${DEMO_STUDENT.password})`,
    `  class "${klass.name}" — join code ${klass.joinCode}`,
    ...lines,
  ].join('\n');
};
