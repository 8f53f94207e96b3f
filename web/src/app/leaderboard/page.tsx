import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Skeleton } from '@/components/states';
import { LeaderboardView } from '@/features/leaderboard/leaderboard-view';

export const metadata: Metadata = { title: 'Leaderboard' };

const LeaderboardPage = () => (
  <div className="stack">
    <header className="page-head">
      <h1>Leaderboard</h1>
      <p>
        Scores come only from finished, server-graded attempts. Ties go to whoever got there first.
      </p>
    </header>
    <Suspense fallback={<Skeleton lines={6} label="Loading the leaderboard…" />}>
      <LeaderboardView />
    </Suspense>
  </div>
);

export default LeaderboardPage;
