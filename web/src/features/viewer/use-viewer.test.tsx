import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { attemptKeys } from '@/features/play/queries';
import { gqlRequest } from '@/lib/graphql/client';
import { makeQueryClient } from '@/lib/graphql/query-client';
import { useSignIn, useSignOut } from './use-viewer';

// A shared school computer: one student signs out (or another signs in) in the same tab. The
// tab's query cache must not keep the first student's data to show the next person (probe,
// round 9: their attempts table was on screen again after Back, until the refetch failed).

const refresh = jest.fn();
jest.mock('next/navigation', () => ({
  useRouter: () => ({ push: jest.fn(), replace: jest.fn(), refresh }),
}));
jest.mock('@/lib/graphql/client', () => ({
  ...jest.requireActual('@/lib/graphql/client'),
  gqlRequest: jest.fn(),
}));
const request = gqlRequest as jest.MockedFunction<typeof gqlRequest>;

const firstStudentsAttempts = { myAttempts: [{ id: 'a1', set: { title: 'Darya’s quiz' } }] };

const setUp = () => {
  const client = makeQueryClient();
  // Cached while Darya browsed; no page shows it now (an inactive query).
  client.setQueryData(attemptKeys.mine(), firstStudentsAttempts);
  client.setQueryData(attemptKeys.detail('a1'), { attempt: { id: 'a1', score: 6000 } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
};

afterEach(() => {
  jest.clearAllMocks();
});

it('forgets the signed-out student’s cached data, not just marks it stale', async () => {
  const { client, wrapper } = setUp();
  request.mockResolvedValue({ signOut: true });
  const { result } = renderHook(() => useSignOut(), { wrapper });
  await act(() => result.current.mutateAsync());
  expect(client.getQueryData(attemptKeys.mine())).toBeUndefined();
  expect(client.getQueryData(attemptKeys.detail('a1'))).toBeUndefined();
  expect(refresh).toHaveBeenCalledTimes(1);
});

it('forgets the previous person’s cached data when someone signs in', async () => {
  const { client, wrapper } = setUp();
  request.mockResolvedValue({ signIn: { viewer: { __typename: 'Viewer' }, errors: [] } });
  const { result } = renderHook(() => useSignIn(), { wrapper });
  await act(() => result.current.mutateAsync({ email: 'omid@demo.quiz', password: 'x' }));
  expect(client.getQueryData(attemptKeys.mine())).toBeUndefined();
});

// Round 12: sign-out forgot the browser's live seats, a sign-in over a session nobody ended did
// not: the next student entered the PIN and sat in the first one's seat (join-form.tsx reuses a
// kept token), answering in their name.
const keepSeat = () => {
  window.localStorage.setItem('live-seat:game-1', 'game-1.darya-token');
  window.localStorage.setItem('theme', 'dark');
};
const expectSeatForgotten = () => {
  expect(window.localStorage.getItem('live-seat:game-1')).toBeNull();
  expect(window.localStorage.getItem('theme')).toBe('dark');
};

it('forgets the live seats this browser holds when someone signs in', async () => {
  const { wrapper } = setUp();
  keepSeat();
  request.mockResolvedValue({ signIn: { viewer: { __typename: 'Viewer' }, errors: [] } });
  const { result } = renderHook(() => useSignIn(), { wrapper });
  await act(() => result.current.mutateAsync({ email: 'omid@demo.quiz', password: 'x' }));
  expectSeatForgotten();
});

it('forgets the live seats this browser holds when someone signs out', async () => {
  const { wrapper } = setUp();
  keepSeat();
  request.mockResolvedValue({ signOut: true });
  const { result } = renderHook(() => useSignOut(), { wrapper });
  await act(() => result.current.mutateAsync());
  expectSeatForgotten();
});
