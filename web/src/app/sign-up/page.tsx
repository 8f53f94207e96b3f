import type { Metadata } from 'next';
import { SignUpForm } from '@/features/viewer/sign-up-form';
import { safeNext } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Create an account' };

const SignUpPage = async ({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) => {
  const { next } = await searchParams;
  return (
    <div className="narrow-page stack">
      <header className="page-head">
        <h1>Create an account</h1>
        <p>
          Keep your quiz history, review what you missed, and join your class. Teachers need an
          invitation code from a colleague.
        </p>
      </header>
      <SignUpForm next={safeNext(next, '') || undefined} />
    </div>
  );
};

export default SignUpPage;
