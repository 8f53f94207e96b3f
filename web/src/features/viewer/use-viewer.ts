import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { forgetSeats } from '@/features/live/seats';
import type { SignInInput, SignUpInput } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import {
  JoinAsGuestDocument,
  JoinClassDocument,
  SignInDocument,
  SignOutDocument,
  SignUpDocument,
  ViewerDocument,
  viewerKeys,
} from './queries';

export const useViewer = () =>
  useQuery({
    queryKey: viewerKeys.current(),
    queryFn: ({ signal }) => gqlRequest(ViewerDocument, undefined, { signal }),
    select: (data) => data.viewer,
  });

/**
 * After a session change every cached query belongs to the person before: drop their data and
 * re-render the server. Invalidating kept it in the tab's cache, shown until the refetch came
 * back: on a shared computer, after one student signed out, the next person who pressed Back (or
 * signed in and opened My attempts) saw the first student's attempts table for 50–200 ms, as long
 * as the request took (probe, round 9). Reset queries hold no data; the active ones refetch.
 */
const useSessionChanged = () => {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    // The browser's live seats belong to the person before too: signed in over a student who
    // never signed out (a shared computer), the next one entered the PIN and sat in that
    // student's seat, answering in their name (probe round 12); sign-out alone forgot them.
    forgetSeats();
    await queryClient.resetQueries();
    router.refresh();
  };
};

export const useSignIn = () => {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (input: SignInInput) => gqlRequest(SignInDocument, { input }),
    onSuccess: async ({ signIn }) => {
      if (signIn.viewer) {
        await changed();
      }
    },
  });
};

/** Sign-up never starts a session (see docs/security.md); the form signs in next. */
export const useSignUp = () =>
  useMutation({
    mutationFn: (input: SignUpInput) => gqlRequest(SignUpDocument, { input }),
  });

export const useJoinAsGuest = () => {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (nickname: string) => gqlRequest(JoinAsGuestDocument, { nickname }),
    onSuccess: async ({ joinAsGuest }) => {
      if (joinAsGuest.viewer) {
        await changed();
      }
    },
  });
};

export const useSignOut = () => {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: () => gqlRequest(SignOutDocument),
    onSuccess: async () => {
      await changed();
    },
  });
};

export const useJoinClass = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => gqlRequest(JoinClassDocument, { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewerKeys.all }),
  });
};
