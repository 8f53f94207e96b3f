import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import Link from 'next/link';
import { knowledgeKeys, TaxonomyDocument } from '@/features/knowledge/queries';
import { JoinCodeForm } from '@/features/sets/join-code-form';
import { PracticeForm } from '@/features/sets/practice-form';
import { PublishedSetList } from '@/features/sets/published-set-list';
import { PublishedSetsDocument, ReviewDueCountDocument, setKeys } from '@/features/sets/queries';
import { ReviewCard } from '@/features/sets/review-card';
import { GuestForm } from '@/features/viewer/auth-forms';
import { ViewerDocument } from '@/features/viewer/queries';
import { getQueryClient, serverRequest, tryServerRequest } from '@/lib/graphql/server';

const HomePage = async () => {
  const queryClient = getQueryClient();
  // Everything the page's client components read is fetched here and hydrated (their staleTime
  // outlasts the load), so nothing is asked for again after load: the practice form's eras and
  // themes were a client request on the main thread while Lighthouse measured TBT.
  const [viewerData] = await Promise.all([
    tryServerRequest(ViewerDocument),
    queryClient.prefetchQuery({
      queryKey: setKeys.published(),
      queryFn: () => serverRequest(PublishedSetsDocument, { first: 24 }),
    }),
    queryClient.prefetchQuery({
      queryKey: knowledgeKeys.taxonomy(),
      queryFn: () => serverRequest(TaxonomyDocument),
    }),
  ]);
  const viewer = viewerData?.viewer ?? null;
  const isMember = Boolean(viewer && !viewer.user.isGuest);
  if (isMember) {
    await queryClient.prefetchQuery({
      queryKey: setKeys.reviewDue(),
      queryFn: () => serverRequest(ReviewDueCountDocument),
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="stack-lg">
        <header className="page-head">
          <h1>Iran–Syria relations, 1946–2025</h1>
          <p>
            Quizzes on eight decades of an alliance, from the first envoy in 1946 to the fall of
            Assad. Every answer shows the source passage that proves it.
          </p>
        </header>

        <div className="two-col">
          <section className="card" aria-labelledby="join-title">
            <h2 id="join-title">Join with a code</h2>
            <p className="muted small">
              Got a code from your teacher? A quiz code or a class code both work.
            </p>
            <JoinCodeForm />
          </section>
          {isMember ? (
            <ReviewCard />
          ) : viewer ? (
            <section className="card card--flat" aria-labelledby="guest-title">
              <h2 id="guest-title">Playing as {viewer.user.displayName}</h2>
              <p>
                Guest results show on leaderboards.{' '}
                <Link href="/sign-up" prefetch={false}>
                  Create an account
                </Link>{' '}
                to keep your history and review your mistakes.
              </p>
            </section>
          ) : (
            <section className="card" aria-labelledby="guest-title">
              <h2 id="guest-title">Play as a guest</h2>
              <GuestForm />
              <p className="small muted">
                Or{' '}
                <Link href="/sign-in" prefetch={false}>
                  sign in
                </Link>{' '}
                /{' '}
                <Link href="/sign-up" prefetch={false}>
                  sign up
                </Link>{' '}
                to keep your history.
              </p>
            </section>
          )}
        </div>

        <section aria-labelledby="sets-title">
          <div className="row row--between">
            <h2 id="sets-title">Quizzes</h2>
            <Link href="/leaderboard" prefetch={false}>
              Overall leaderboard
            </Link>
          </div>
          <PublishedSetList />
        </section>

        <section className="card" aria-labelledby="practice-title">
          <h2 id="practice-title">Quick practice</h2>
          <PracticeForm isSignedIn={Boolean(viewer)} />
        </section>
      </div>
    </HydrationBoundary>
  );
};

export default HomePage;
