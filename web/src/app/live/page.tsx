import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LiveJoinForm } from '@/features/live/join-form';

export const metadata: Metadata = { title: 'Join a live game' };

const LiveJoinPage = () => (
  <div className="narrow-page stack">
    <h1>Join a live game</h1>
    <section className="card">
      <Suspense>
        <LiveJoinForm />
      </Suspense>
    </section>
  </div>
);

export default LiveJoinPage;
