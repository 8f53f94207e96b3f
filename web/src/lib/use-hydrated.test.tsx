import { QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { LiveJoinForm } from '@/features/live/join-form';
import { QuestionCard } from '@/features/play/question-card';
import { emptyDraft } from '@/features/play/response';
import { JoinCodeForm } from '@/features/sets/join-code-form';
import { GuestForm, SignInForm } from '@/features/viewer/auth-forms';
import { SignUpForm } from '@/features/viewer/sign-up-form';
import { makeQueryClient } from '@/lib/graphql/query-client';
import { questions } from '@/test/fixtures';

// Probe 7b: on a slow phone the server's HTML is on screen seconds before React runs it, and a
// form pressed in between is the browser's own GET: the play page reloaded with the typed answer
// in its address and nothing recorded; the live join form reloaded without the nickname. The
// submit buttons are disabled in the server's HTML and enabled once hydrated.

jest.mock('next/link', () => ({
  __esModule: true,
  default: ({ children, href }: { children: ReactNode; href: string }) => (
    <a href={href}>{children}</a>
  ),
}));
jest.mock('next/navigation', () => ({
  useRouter: () => ({ push: jest.fn() }),
  useSearchParams: () => new URLSearchParams('pin=123456&nickname=Darya'),
}));

const card = (
  <QuestionCard
    question={questions.single}
    idPrefix="q0"
    draft={emptyDraft(questions.single)}
    onChange={() => undefined}
    onSubmit={() => undefined}
  />
);

const hydrate = async (element: React.ReactElement) => {
  const html = renderToString(element);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const before = container.querySelector<HTMLButtonElement>('button[type="submit"]');
  const state = { disabled: before?.disabled, text: before?.textContent };
  await act(async () => {
    hydrateRoot(container, element);
  });
  const after = container.querySelector<HTMLButtonElement>('button[type="submit"]');
  return {
    before: state,
    after: { disabled: after?.disabled, text: after?.textContent },
    container,
  };
};

test('the question card cannot be submitted before React runs it', async () => {
  const { before, after } = await hydrate(card);
  expect(before).toEqual({ disabled: true, text: 'Submit answer' });
  expect(after).toEqual({ disabled: false, text: 'Submit answer' });
});

test('the live join form cannot be submitted before React runs it, and keeps a sent nickname', async () => {
  const { before, after, container } = await hydrate(<LiveJoinForm />);
  expect(before).toEqual({ disabled: true, text: 'Join game' });
  expect(after).toEqual({ disabled: false, text: 'Join game' });
  expect(container.querySelector<HTMLInputElement>('input[name="nickname"]')?.value).toBe('Darya');
});

test.each([
  ['sign-in', <SignInForm key="in" />, 'Sign in'],
  ['sign-up', <SignUpForm key="up" />, 'Create account'],
  ['guest', <GuestForm key="guest" />, 'Play as a guest'],
  ['join code', <JoinCodeForm key="code" />, 'Join'],
])('the %s form cannot be sent before React runs it (probe 7b)', async (_, form, label) => {
  const { before, after } = await hydrate(
    <QueryClientProvider client={makeQueryClient()}>{form}</QueryClientProvider>,
  );
  expect(before).toEqual({ disabled: true, text: label });
  expect(after).toEqual({ disabled: false, text: label });
});
