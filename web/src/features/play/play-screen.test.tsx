import { onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { AttemptQuery } from '@/gql/graphql';
import { GraphQLRequestError, gqlRequest } from '@/lib/graphql/client';
import { makeQueryClient } from '@/lib/graphql/query-client';
import { citationTable, questions, result } from '@/test/fixtures';
import { PlayScreen } from './play-screen';
import { attemptKeys } from './queries';

// The play page on a weak network: the server is a mocked gqlRequest whose answers the tests
// release by hand (openQuestion late, answerQuestion failing, the browser offline).

jest.mock('next/navigation', () => ({
  useRouter: () => ({ push: jest.fn(), replace: jest.fn() }),
}));
jest.mock('next/link', () => ({
  __esModule: true,
  default: ({ children, href }: { children: ReactNode; href: string }) => (
    <a href={href}>{children}</a>
  ),
}));
jest.mock('@/lib/graphql/client', () => ({
  ...jest.requireActual('@/lib/graphql/client'),
  gqlRequest: jest.fn(),
}));

const request = gqlRequest as jest.MockedFunction<typeof gqlRequest>;
const ATTEMPT = 'attempt-1';

type Question = NonNullable<AttemptQuery['attempt']>['questions'][number];

const question = (position: number, timed = false): Question => ({
  position,
  questionId: `question-${position}`,
  type: 'SINGLE_CHOICE',
  concealed: false,
  stem: `${questions.single.stem} (${position})`,
  timeLimitSec: timed ? 60 : null,
  presentedAt: null,
  deadline: null,
  prompt: questions.single.prompt as Question['prompt'],
  result: null,
});

/** openQuestion's answer: the question with the server's clock started. */
const opened = (item: Question): Question => {
  const presentedAt = new Date();
  return {
    ...item,
    presentedAt: presentedAt.toISOString(),
    deadline: item.timeLimitSec
      ? new Date(presentedAt.getTime() + item.timeLimitSec * 1000).toISOString()
      : null,
  };
};

const attempt = (items: Question[]): AttemptQuery => ({
  attempt: {
    id: ATTEMPT,
    status: 'IN_PROGRESS',
    score: 0,
    maxScore: items.length * 1000,
    correctCount: 0,
    answeredCount: 0,
    questionCount: items.length,
    startedAt: '2026-12-06T21:00:00.000Z',
    finishedAt: null,
    rank: null,
    isRetake: false,
    ranked: true,
    bestRank: null,
    player: { id: 'player-1', displayName: 'Darya', isGuest: false },
    set: {
      id: 'set-1',
      title: 'Hezbollah and the war years',
      shareCode: 'M6C9MM',
      scoringMode: 'ACCURACY',
      isTimed: items.some((item) => item.timeLimitSec !== null),
      isPractice: false,
      allowRetakes: false,
    },
    questions: items,
    citations: citationTable,
  },
});

const operation = (document: unknown) => /mutation (\w+)/.exec(String(document))?.[1] ?? 'unknown';

const answered = () => ({
  answerQuestion: { ...result({ isCorrect: true, credit: 1, points: 1000 }), passages: [] },
});

/** A promise the test settles when it wants the "server" to answer. */
const deferred = <T,>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

const renderPlay = (items: Question[]) => {
  const client = makeQueryClient();
  client.setQueryData(attemptKeys.detail(ATTEMPT), attempt(items));
  return render(
    <QueryClientProvider client={client}>
      <PlayScreen attemptId={ATTEMPT} />
    </QueryClientProvider>,
  );
};

const calls = (name: string) =>
  request.mock.calls.filter(([document]) => operation(document) === name);

beforeEach(() => {
  request.mockReset();
  onlineManager.setOnline(true);
});

test('a Submit pressed before the question is open is sent once it opens, not dropped', async () => {
  const item = question(1);
  const open = deferred<unknown>();
  request.mockImplementation((document) => {
    const name = operation(document);
    if (name === 'OpenQuestion') {
      return open.promise as never;
    }
    if (name === 'AnswerQuestion') {
      return Promise.resolve(answered()) as never;
    }
    throw new Error(`unexpected ${name}`);
  });
  renderPlay([item, question(2)]);

  // The question is on screen from the attempt while openQuestion is still on its way.
  fireEvent.click(screen.getByRole('radio', { name: 'Iran' }));
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
  expect(calls('AnswerQuestion')).toHaveLength(0);
  expect(screen.getByRole('button', { name: /Checking/ })).toBeInTheDocument();

  await act(async () => open.resolve({ openQuestion: opened(item) }));

  await screen.findByRole('region', { name: 'Feedback on your answer' });
  expect(calls('AnswerQuestion')).toHaveLength(1);
  expect(calls('AnswerQuestion')[0]?.[1]).toMatchObject({
    attemptId: ATTEMPT,
    position: 1,
    response: { optionIds: ['o1'] },
  });
});

test('between two questions the progress counts the answers given, not the count at load', async () => {
  const first = question(1);
  const second = question(2);
  const secondOpen = deferred<unknown>();
  request.mockImplementation((document, variables) => {
    const name = operation(document);
    if (name === 'OpenQuestion') {
      return (
        (variables as { position: number }).position === 1
          ? Promise.resolve({ openQuestion: opened(first) })
          : secondOpen.promise
      ) as never;
    }
    return Promise.resolve(answered()) as never;
  });
  renderPlay([first, second, question(3)]);
  await waitFor(() => expect(calls('OpenQuestion')).toHaveLength(1));
  fireEvent.click(screen.getByRole('radio', { name: 'Iran' }));
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Next question' }));

  // Question 2 is on its way (or the network is down): the bar says 2, not 1.
  await waitFor(() => expect(calls('OpenQuestion')).toHaveLength(2));
  expect(screen.getByText('Question 2 of 3')).toBeInTheDocument();
  await act(async () => secondOpen.resolve({ openQuestion: opened(second) }));
  expect(screen.getByText('Question 2 of 3')).toBeInTheDocument();
});

test('a timed answer lost to the network is kept and retried, not called late', async () => {
  const item = question(1, true);
  let failNext = true;
  request.mockImplementation((document) => {
    const name = operation(document);
    if (name === 'OpenQuestion') {
      return Promise.resolve({ openQuestion: opened(item) }) as never;
    }
    if (name === 'AnswerQuestion') {
      if (failNext) {
        failNext = false;
        return Promise.reject(
          new GraphQLRequestError('The network request failed', 'NETWORK_ERROR', 0),
        ) as never;
      }
      return Promise.resolve(answered()) as never;
    }
    return Promise.resolve(attempt([item])) as never;
  });
  renderPlay([item]);

  await waitFor(() => expect(calls('OpenQuestion')).toHaveLength(1));
  await screen.findByRole('timer');
  fireEvent.click(screen.getByRole('radio', { name: 'Iran' }));
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));

  expect(await screen.findByText('Your answer may not have been saved')).toBeInTheDocument();
  expect(screen.queryByText(/Time's up/)).not.toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'Iran' })).toBeChecked();

  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await screen.findByRole('region', { name: 'Feedback on your answer' });
  expect(calls('AnswerQuestion')).toHaveLength(2);
});

test('offline, the answer waits with a notice saying so, and is sent once when back online', async () => {
  const item = question(1);
  request.mockImplementation((document) => {
    const name = operation(document);
    if (name === 'OpenQuestion') {
      return Promise.resolve({ openQuestion: opened(item) }) as never;
    }
    return Promise.resolve(answered()) as never;
  });
  renderPlay([item, question(2)]);
  await waitFor(() => expect(calls('OpenQuestion')).toHaveLength(1));

  act(() => onlineManager.setOnline(false));
  fireEvent.click(screen.getByRole('radio', { name: 'Iran' }));
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));

  expect(await screen.findByRole('status')).toHaveTextContent(
    'You are offline. Keep this page open: your answer will be sent as soon as the connection is back.',
  );
  expect(screen.getByRole('button', { name: 'Offline, waiting…' })).toBeInTheDocument();
  expect(calls('AnswerQuestion')).toHaveLength(0);

  act(() => onlineManager.setOnline(true));
  await screen.findByRole('region', { name: 'Feedback on your answer' });
  expect(calls('AnswerQuestion')).toHaveLength(1);
  expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
});

test('an answer whose response was lost is retried as sent, not as changed afterwards (probe 7b)', async () => {
  // The request reached the server and the answer was kept, but the response never came back:
  // the page cannot know which. Before, it said "not saved" and let the player change the pick;
  // the retry then showed the first pick's feedback (the server keeps the first answer).
  const item = question(1);
  let failNext = true;
  request.mockImplementation((document) => {
    const name = operation(document);
    if (name === 'OpenQuestion') {
      return Promise.resolve({ openQuestion: opened(item) }) as never;
    }
    if (failNext) {
      failNext = false;
      return Promise.reject(
        new GraphQLRequestError('The network request failed', 'NETWORK_ERROR', 0),
      ) as never;
    }
    return Promise.resolve(answered()) as never;
  });
  renderPlay([item, question(2)]);
  await waitFor(() => expect(calls('OpenQuestion')).toHaveLength(1));
  fireEvent.click(screen.getByRole('radio', { name: 'Iran' }));
  fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));

  expect(await screen.findByText('Your answer may not have been saved')).toBeInTheDocument();
  expect(screen.getByText(/Try again sends the same answer/)).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'Iran' })).toBeChecked();
  // A browser does not let a disabled radio be picked (jsdom's click still would).
  expect(screen.getByRole('radio', { name: 'Iraq' })).toBeDisabled();

  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await screen.findByRole('region', { name: 'Feedback on your answer' });
  const sent = calls('AnswerQuestion').map(([, variables]) => variables);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
});
