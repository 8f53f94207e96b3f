/**
 * The skeleton a route shows while its server render is under way (its `loading.tsx`). Only the
 * slower routes have one: a `loading.tsx` wraps the page in a Suspense boundary, so the first
 * HTML carries the skeleton and the content streams in behind it and is swapped in later. The
 * student pages (home, play, results, history, leaderboard, join) have none, so their content
 * is in the first paint (Lighthouse's LCP waited ~1.8 s for the swap; docs/benchmarks.md).
 */
export const PageLoading = () => (
  <div className="stack" aria-busy="true">
    <span className="visually-hidden" role="status">
      Loading…
    </span>
    <span className="skeleton skeleton--title" aria-hidden="true" />
    <span className="skeleton" aria-hidden="true" />
    <span className="skeleton" aria-hidden="true" style={{ inlineSize: '80%' }} />
    <span className="skeleton skeleton--block" aria-hidden="true" />
  </div>
);
