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

/** After a session change every cached query may be wrong: drop them and re-render the server. */
const useSessionChanged = () => {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries();
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
      // The browser's live seats belong to the person signing out (a shared computer).
      forgetSeats();
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
