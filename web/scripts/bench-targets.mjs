// The pages `pnpm bench:web` (lighthouse.mjs) and main-thread-cpu.mjs measure: the demo student's
// session, a fresh attempt to play and a finished one for results.

export const STUDENT = { email: 'student@demo.quiz', password: 'demo-student-pass' };

export const gql = async (api, query, variables, cookie) => {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    throw new Error(`${query.slice(0, 60)}: ${body.errors[0].message}`);
  }
  return { data: body.data, cookie: response.headers.getSetCookie?.()[0]?.split(';')[0] };
};

/** The demo student's session and a fresh attempt to play. */
export const playTarget = async (api) => {
  const signIn = await gql(
    api,
    'mutation ($input: SignInInput!) { signIn(input: $input) { errors { message } viewer { user { id } } } }',
    { input: STUDENT },
  );
  if (!signIn.cookie || signIn.data.signIn.errors.length) {
    throw new Error(`Could not sign in the demo student: ${JSON.stringify(signIn.data)}`);
  }
  const { data } = await gql(
    api,
    '{ publishedSets(first: 20) { id title questionCount } }',
    {},
    signIn.cookie,
  );
  // The same set every run: the first by title (the play page's cost depends on its questions).
  const set = [...data.publishedSets]
    .filter((item) => item.questionCount > 0)
    .sort((a, b) => a.title.localeCompare(b.title))[0];
  // Results: the demo student's latest finished attempt (the seed has some), else one finished
  // now, before the play attempt starts (a start resumes an open attempt on the same set).
  const mine = await gql(api, '{ myAttempts(first: 20) { id status } }', {}, signIn.cookie);
  let finishedId = mine.data.myAttempts.find((attempt) => attempt.status === 'FINISHED')?.id;
  if (!finishedId) {
    const other = await gql(
      api,
      'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }',
      { id: set.id },
      signIn.cookie,
    );
    finishedId = other.data.startAttempt.id;
    await gql(
      api,
      'mutation ($a: ID!) { finishAttempt(attemptId: $a) { id } }',
      { a: finishedId },
      signIn.cookie,
    );
  }
  const started = await gql(
    api,
    'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id questionCount } }',
    { id: set.id },
    signIn.cookie,
  );
  return {
    cookie: signIn.cookie,
    attemptId: started.data.startAttempt.id,
    finishedId,
    set: set.title,
    questions: started.data.startAttempt.questionCount,
  };
};

/** The five pages, as the demo student where the page needs one. */
export const benchPages = (target) => [
  { name: 'home', path: '/', cookie: null },
  { name: 'play', path: `/play/${target.attemptId}`, cookie: target.cookie },
  { name: 'results', path: `/results/${target.finishedId}`, cookie: target.cookie },
  { name: 'history', path: '/history', cookie: target.cookie },
  { name: 'leaderboard', path: '/leaderboard', cookie: null },
];
