import type { Metadata } from 'next';
import { JoinCodeForm } from '@/features/sets/join-code-form';

export const metadata: Metadata = { title: 'Join with a code' };

const JoinCodePage = () => (
  <div className="narrow-page stack">
    <h1>Join with a code</h1>
    <section className="card">
      <JoinCodeForm />
    </section>
  </div>
);

export default JoinCodePage;
