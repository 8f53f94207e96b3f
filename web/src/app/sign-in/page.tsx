import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/features/viewer/auth-forms';
import { safeNext } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Sign in' };

const SignInPage = async ({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) => {
  const { next } = await searchParams;
  return (
    <div className="narrow-page stack">
      <header className="page-head">
        <h1>Sign in</h1>
        <p>
          Teachers build and publish sets; students keep their history. Just want to play?{' '}
          <Link prefetch={false} href="/">
            Play as a guest
          </Link>
          .
        </p>
      </header>
      <SignInForm next={safeNext(next, '') || undefined} />
    </div>
  );
};

export default SignInPage;
