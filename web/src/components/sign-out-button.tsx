'use client';

import { useRouter } from 'next/navigation';
import { useSignOut } from '@/features/viewer/use-viewer';

export const SignOutButton = () => {
  const signOut = useSignOut();
  const router = useRouter();
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSuccess: () => router.push('/') })}
    >
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
};
