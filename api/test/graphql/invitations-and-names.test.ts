import { hashInvitationCode } from '../../src/modules/accounts/invitations';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createStudent, createTeacher, createUser } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { accepted errors { field code } }
}`;
const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { viewer { user { role displayName } } errors { code } }
}`;
const INVITE = `mutation ($label: String) {
  createTeacherInvitation(label: $label) { code invitation { id label status } errors { field code } }
}`;
const REVOKE = 'mutation ($id: ID!) { revokeTeacherInvitation(id: $id) { id status } }';
const GUEST = `mutation ($nickname: String!) {
  joinAsGuest(nickname: $nickname) { viewer { user { displayName } } errors { field code } }
}`;

const PASSWORD = 'a long enough passphrase';

describe('teacher invitations', () => {
  let api: TestApi;
  let teacher: Awaited<ReturnType<typeof createTeacher>>;
  beforeAll(async () => {
    api = await createTestApi();
    teacher = await createTeacher(api.database.db);
  });
  afterAll(() => api.close());

  const invite = async (label = 'For a colleague') => {
    const data = await ok<{
      createTeacherInvitation: { code: string; invitation: { id: string; status: string } };
    }>(as(api, teacher.token)(INVITE, { label }));
    return data.createTeacherInvitation;
  };
  const signUp = (input: Record<string, unknown>) =>
    ok<{ signUp: { accepted: boolean; errors: { field: string; code: string }[] } }>(
      api.execute(SIGN_UP, { variables: { input: { password: PASSWORD, ...input } } }),
    );
  const roleOf = async (email: string) =>
    (await api.database.db.user.findUnique({ where: { email } }))?.role;

  it('makes a teacher of the sign-up with a valid code, once; the code is stored only hashed', async () => {
    const { code, invitation } = await invite();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}(-[34679ACDEFGHJKMNPQRTUVWXY]{4}){3}$/);
    expect(invitation.status).toBe('PENDING');
    const stored = await api.database.db.teacherInvitation.findUniqueOrThrow({
      where: { id: invitation.id },
    });
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    expect(stored.codeHash).toBe(hashInvitationCode(code.replace(/-/g, '')));

    // Typed loosely (lower case, spaces) still counts.
    const loose = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect(
      await signUp({
        email: 'new-teacher@example.org',
        displayName: 'Parisa Tehrani',
        invitationCode: loose,
      }),
    ).toEqual({ signUp: { accepted: true, errors: [] } });
    expect(await roleOf('new-teacher@example.org')).toBe('TEACHER');
    const used = await api.database.db.teacherInvitation.findUniqueOrThrow({
      where: { id: invitation.id },
    });
    expect(used.usedAt).not.toBeNull();
    expect(used.usedById).not.toBeNull();

    const again = await signUp({
      email: 'second@example.org',
      displayName: 'Second Comer',
      invitationCode: code,
    });
    expect(again.signUp).toEqual({
      accepted: false,
      errors: [{ field: 'invitationCode', code: 'INVALID' }],
    });
    expect(await roleOf('second@example.org')).toBeUndefined();
  });

  it('makes a student without a code, and refuses revoked, expired and unknown codes', async () => {
    await signUp({ email: 'plain@example.org', displayName: 'Plain Student' });
    expect(await roleOf('plain@example.org')).toBe('STUDENT');

    const revoked = await invite('Changed my mind');
    const after = await ok<{ revokeTeacherInvitation: { status: string } }>(
      as(api, teacher.token)(REVOKE, { id: revoked.invitation.id }),
    );
    expect(after.revokeTeacherInvitation.status).toBe('REVOKED');
    const expired = await invite('Too late');
    await api.database.db.teacherInvitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const [email, code] of [
      ['revoked@example.org', revoked.code],
      ['expired@example.org', expired.code],
      ['unknown@example.org', 'AAAA-AAAA-AAAA-AAAA'],
    ] as const) {
      const before = await snapshotDatabase(api);
      const result = await signUp({
        email,
        displayName: `Someone ${email.slice(0, 4)}`,
        invitationCode: code,
      });
      expect(result.signUp.errors).toEqual([{ field: 'invitationCode', code: 'INVALID' }]);
      expect(await snapshotDatabase(api)).toEqual(before);
    }
  });

  it('answers a registered email with a valid code like a new one, and leaves the code unused', async () => {
    const { user } = await createStudent(api.database.db);
    const { code, invitation } = await invite();
    const result = await signUp({
      email: user.email,
      displayName: 'Would Be Teacher',
      invitationCode: code,
    });
    expect(result.signUp).toEqual({ accepted: true, errors: [] });
    expect(await roleOf(user.email as string)).toBe('STUDENT');
    const stored = await api.database.db.teacherInvitation.findUniqueOrThrow({
      where: { id: invitation.id },
    });
    expect(stored.usedAt).toBeNull();
  });

  it('lets only teachers issue, and only the issuer revoke', async () => {
    const student = await createStudent(api.database.db);
    expect(await errorCode(as(api, student.token)(INVITE, {}))).toBe('FORBIDDEN');
    expect(await errorCode(api.execute(INVITE))).toBe('UNAUTHENTICATED');
    const mine = await invite();
    const other = await createTeacher(api.database.db);
    expect(await errorCode(as(api, other.token)(REVOKE, { id: mine.invitation.id }))).toBe(
      'NOT_FOUND',
    );
    const list = await ok<{ myTeacherInvitations: { id: string }[] }>(
      as(api, other.token)('{ myTeacherInvitations { id } }'),
    );
    expect(list.myTeacherInvitations).toEqual([]);
    const own = await ok<{ myTeacherInvitations: { id: string; usedBy: unknown }[] }>(
      as(api, teacher.token)('{ myTeacherInvitations { id status usedBy { displayName } } }'),
    );
    expect(own.myTeacherInvitations.map((i) => i.id)).toContain(mine.invitation.id);
  });

  it('cleans the label and refuses a long one', async () => {
    const { invitation } = await invite('For\u202e Ms.\u200b Karimi');
    expect(invitation).toMatchObject({ label: 'For Ms. Karimi' });
    const long = await ok<{ createTeacherInvitation: { errors: unknown[] } }>(
      as(api, teacher.token)(INVITE, { label: 'x'.repeat(81) }),
    );
    expect(long.createTeacherInvitation.errors).toEqual([{ field: 'label', code: 'TOO_LONG' }]);
  });
});

describe('names that impersonate, and text that hides', () => {
  let api: TestApi;
  let teacher: Awaited<ReturnType<typeof createTeacher>>;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    teacher = await createTeacher(api.database.db, { displayName: 'Leila Farahani' });
    await createUser(api.database.db, { displayName: 'Darya' });
    await createUser(api.database.db, { displayName: 'Kamran Homayoun' });
  });
  afterAll(() => api.close());

  const guest = async (nickname: string) =>
    (
      await ok<{ joinAsGuest: { viewer: unknown; errors: { field: string; code: string }[] } }>(
        api.execute(GUEST, { variables: { nickname } }),
      )
    ).joinAsGuest;

  it.each([
    ['Dаrya', 'Cyrillic а beside Darya', 'TAKEN'],
    ['DARYA', 'another case', 'TAKEN'],
    ['Dárya', 'an accent', 'TAKEN'],
    ['Ｄａｒｙａ', 'full-width letters', 'TAKEN'],
    // Hangul fillers are letters to Unicode and render as nothing (probe, 6 Dec).
    ['Dar\u3164ya', 'a Hangul filler inside Darya', 'TAKEN'],
    ['D\uFFA0arya\u115F', 'half-width and choseong fillers', 'TAKEN'],
    // Capitals whose lower case the confusables table maps elsewhere (probe, 6 Dec, round 3):
    // Cyrillic К and Н, Greek Κ and Μ, Cherokee Ꭰ and Ꭺ are K, H, K, M, D and A to the eye.
    ['\u041Aamran \u041Domayoun', 'Cyrillic capitals К and Н', 'TAKEN'],
    ['\u039Aamran Homayoun', 'a Greek capital Kappa', 'TAKEN'],
    ['Kamran Ho\u039Cayoun', 'a Greek capital Mu', 'TAKEN'],
    ['\u13A0\u13AARYA', 'Cherokee Ꭰ and Ꭺ', 'TAKEN'],
    ['\u3164\u3164\u3164', 'only Hangul fillers (a blank name)', 'TOO_SHORT'],
    ['\u1160\u034F\uFE0F', 'only other invisible characters', 'TOO_SHORT'],
    ['Ms. Farahani', "a title and the teacher's surname", 'NOT_ALLOWED'],
    ['Mrs Farahani', 'another title', 'NOT_ALLOWED'],
    ['Dr Leila', "a title and the teacher's first name", 'NOT_ALLOWED'],
    ['Ostad Farahani', 'a Persian title', 'NOT_ALLOWED'],
    ['Leila Farahani', "the teacher's whole name", 'TAKEN'],
    ['Leíla Fаrahani', "the teacher's name in look-alikes", 'TAKEN'],
    ['f u c k', 'spaced profanity', 'NOT_ALLOWED'],
    ['f.u.c.k', 'dotted profanity', 'NOT_ALLOWED'],
    ['f_u_c_k', 'underscored profanity', 'NOT_ALLOWED'],
    ['fvck off', 'leetspeak', 'NOT_ALLOWED'],
    ['sh1t', 'digits for letters', 'NOT_ALLOWED'],
    ['ｆｕｃｋ', 'full-width profanity', 'NOT_ALLOWED'],
    ['b i t c h', 'spaced profanity again', 'NOT_ALLOWED'],
  ])('refuses the guest name %j (%s) and writes nothing', async (nickname, _why, code) => {
    const before = await snapshotDatabase(api);
    expect(await guest(nickname)).toEqual({ viewer: null, errors: [{ field: 'nickname', code }] });
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it.each(['Darius', 'Shi Tzu', 'Ms. Pakzad', 'Farah', 'Cass Sunstein', 'Hasan Shaikh'])(
    'accepts the guest name %j',
    async (nickname) => {
      expect((await guest(nickname)).errors).toEqual([]);
    },
  );

  it('refuses a look-alike display name on sign-up too', async () => {
    const data = await ok<{ signUp: { errors: { field: string; code: string }[] } }>(
      api.execute(SIGN_UP, {
        variables: {
          input: { email: 'copy@example.org', password: PASSWORD, displayName: 'Ms Farahani' },
        },
      }),
    );
    expect(data.signUp.errors).toEqual([{ field: 'displayName', code: 'NOT_ALLOWED' }]);
  });

  // Guests' and live nicknames kept staff words out (round 6), but a student's account is named
  // on sign-up by checkDisplayName alone: "Admin", "Teacher", "Quiz Host" stood on set and class
  // boards, the class roster and the teacher's results (probe round 11). A real name is whole
  // words, so only words (and two written as one) count: "Stafford" and "Downer" hold "staff"
  // and "owner" and stay names.
  const studentSignUp = (displayName: string) =>
    ok<{ signUp: { accepted: boolean; errors: { field: string; code: string }[] } }>(
      api.execute(SIGN_UP, {
        variables: {
          input: {
            email: `s${Math.random()}@example.org`.replace('0.', ''),
            password: PASSWORD,
            displayName,
          },
        },
      }),
    );
  it.each([
    'Admin',
    'Teacher',
    'Quiz Host',
    'Quiz Master',
    'Quizmaster',
    'Support Team',
    '4dm1n',
    'The Moderator',
  ])(
    "refuses a student's display name %j that passes for staff, writing nothing",
    async (displayName) => {
      const before = await snapshotDatabase(api);
      expect((await studentSignUp(displayName)).signUp).toEqual({
        accepted: false,
        errors: [{ field: 'displayName', code: 'NOT_ALLOWED' }],
      });
      expect(await snapshotDatabase(api)).toEqual(before);
    },
  );
  it.each([
    'Emma Stafford',
    'Alex Downer',
    'Ghost Rider',
    'Rooth Ahmadi',
    'Joe Root',
    'Modesty Blaise',
  ])("accepts the student's display name %j", async (displayName) => {
    expect((await studentSignUp(displayName)).signUp).toEqual({ accepted: true, errors: [] });
  });

  // Bidi controls and zero-width characters in everything a user writes that others read.
  const HIDDEN =
    '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u3164\u115f\u1160\uffa0\u034f\ufe0f\u{e0041}';
  const dirty = (text: string) =>
    [...text].map((char, i) => (i === 1 ? `${char}${HIDDEN}` : char)).join('');

  it('strips them from guest nicknames and account display names', async () => {
    const joined = await guest(dirty('Zohreh K'));
    expect(joined.viewer).toEqual({ user: { displayName: 'Zohreh K' } });
    await ok(
      api.execute(SIGN_UP, {
        variables: {
          input: {
            email: 'clean@example.org',
            password: PASSWORD,
            displayName: dirty('Navid Sadeghi'),
          },
        },
      }),
    );
    const stored = await api.database.db.user.findUniqueOrThrow({
      where: { email: 'clean@example.org' },
    });
    expect(stored.displayName).toBe('Navid Sadeghi');
    const signedIn = await ok<{ signIn: { viewer: { user: { displayName: string } } } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: 'clean@example.org', password: PASSWORD } },
      }),
    );
    expect(signedIn.signIn.viewer.user.displayName).toBe('Navid Sadeghi');
  });

  it('strips them from set titles and descriptions, class names and question text', async () => {
    const run = as(api, teacher.token);
    const set = await ok<{
      createQuestionSet: { questionSet: { id: string; title: string; description: string } };
    }>(
      run(
        `mutation ($input: CreateQuestionSetInput!) { createQuestionSet(input: $input) { questionSet { id title description } errors { field } } }`,
        { input: { title: dirty('Treaty years'), description: dirty('Read the 1982 pact') } },
      ),
    );
    expect(set.createQuestionSet.questionSet).toMatchObject({
      title: 'Treaty years',
      description: 'Read the 1982 pact',
    });
    const renamed = await ok<{ updateQuestionSet: { questionSet: { title: string } } }>(
      run(
        `mutation ($id: ID!, $input: UpdateQuestionSetInput!) { updateQuestionSet(id: $id, input: $input) { questionSet { title } errors { field } } }`,
        { id: set.createQuestionSet.questionSet.id, input: { title: dirty('Pact years') } },
      ),
    );
    expect(renamed.updateQuestionSet.questionSet.title).toBe('Pact years');
    const klass = await ok<{ createClass: { class: { name: string } } }>(
      run(
        `mutation ($name: String!) { createClass(input: { name: $name }) { class { name } errors { field } } }`,
        {
          name: dirty('Year 11'),
        },
      ),
    );
    expect(klass.createClass.class.name).toBe('Year 11');
    const question = await ok<{
      createQuestion: {
        question: { stem: string; prompt: { options: { label: string }[] } } | null;
        errors: unknown[];
      };
    }>(
      run(
        `mutation ($input: QuestionInput!) { createQuestion(input: $input) { question { stem prompt { options { label } } key { rationales { text } } } errors { field code } } }`,
        {
          input: {
            type: 'SINGLE_CHOICE',
            stem: dirty('Who signed the pact?'),
            options: [
              { id: 'a', label: dirty('Iran') },
              { id: 'b', label: 'Syria' },
              { id: 'c', label: 'Iraq' },
            ],
            correctOptionIds: ['b'],
            explanation: dirty('The passage says so.'),
            rationales: [{ ref: 'b', text: dirty('Syria signed.'), citationIds: ['cite-2'] }],
            citationIds: ['cite-1'],
          },
        },
      ),
    );
    expect(question.createQuestion.errors).toEqual([]);
    expect(question.createQuestion.question?.stem).toBe('Who signed the pact?');
    expect(question.createQuestion.question?.prompt.options.map((o) => o.label)).toContain('Iran');
    const rows = await api.database.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT title || description AS t FROM "QuestionSet"
        UNION ALL SELECT name FROM "Class"
        UNION ALL SELECT "displayName" FROM "User"
        UNION ALL SELECT stem || explanation || prompt::text || key::text FROM "Question"
      ) x WHERE t ~ '[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u061c]'`;
    expect(rows[0]?.n).toBe(0);
  });

  it('keeps at most four marks stacked on a letter: zalgo is cut, real diacritics stay (probe 6b)', async () => {
    // 118 marks on one letter of a published set's title drew a column of ink 300 px tall through
    // the guest form above it on every visitor's home page (names refuse marks; titles kept them).
    const marks = '\u0336\u0353\u0321\u0322\u0327\u0328\u031b\u0300\u0301\u0302';
    const zalgo = (word: string) => `${word[0]}${marks.repeat(11)}${word.slice(1)}`;
    // Arabic with shadda and a vowel, pointed Hebrew, a Tibetan stack of three (ཧཱུྃ), Vietnamese
    // and Devanagari: the deepest real stacks, which must come back as written.
    const real = 'مُحَمَّد בְּרֵאשִׁית ཧཱུྃ བསྒྲུབས Nguyễn हिन्दी';
    const run = as(api, teacher.token);
    const set = await ok<{
      createQuestionSet: { questionSet: { title: string; description: string } };
    }>(
      run(
        `mutation ($input: CreateQuestionSetInput!) { createQuestionSet(input: $input) { questionSet { title description } errors { field } } }`,
        { input: { title: zalgo('Zalgo'), description: `${zalgo('Deep')} ${real}` } },
      ),
    );
    // What is left: no stack deeper than four, the same letters, and the real text as written.
    const deep = /[\p{Mn}\p{Me}]{5}/u;
    const letters = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
    const { title, description } = set.createQuestionSet.questionSet;
    expect(title).not.toMatch(deep);
    expect(letters(title)).toBe('Zalgo');
    expect(description).not.toMatch(deep);
    expect(description.endsWith(` ${real.normalize('NFC')}`)).toBe(true);
    expect(letters(description)).toBe(letters(`Deep ${real}`));
    const question = await ok<{
      createQuestion: { question: { stem: string; prompt: { options: { label: string }[] } } };
    }>(
      run(
        `mutation ($input: QuestionInput!) { createQuestion(input: $input) { question { stem prompt { options { label } } } errors { field code } } }`,
        {
          input: {
            type: 'SINGLE_CHOICE',
            stem: `${zalgo('Who')} signed the pact?`,
            options: [
              // A combining grapheme joiner between two stacks is invisible and removed: the
              // stack is counted after it goes.
              { id: 'a', label: `I${marks.slice(0, 4)}\u034F${marks.slice(4, 8)}ran` },
              { id: 'b', label: 'Syria' },
              { id: 'c', label: 'Iraq' },
            ],
            correctOptionIds: ['b'],
            explanation: 'The passage says so.',
            citationIds: ['cite-1'],
          },
        },
      ),
    );
    const { stem, prompt } = question.createQuestion.question;
    const label = prompt.options.find((o) => letters(o.label) === 'Iran')?.label ?? '';
    for (const text of [stem, label]) {
      expect(text).not.toMatch(deep);
    }
    expect(letters(stem)).toBe('Who signed the pact?');
  });
});
