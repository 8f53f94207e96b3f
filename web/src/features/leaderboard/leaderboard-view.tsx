'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { LoadMore } from '@/components/load-more';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { usePublishedSets } from '@/features/sets/use-sets';
import { useViewer } from '@/features/viewer/use-viewer';
import { formatNumber } from '@/lib/format';
import { LeaderboardList } from './leaderboard-list';
import { type LeaderboardFilter, parseLeaderboardFilter } from './queries';
import { useLeaderboard } from './use-leaderboard';

const WINDOWS = [
  { value: 'THIS_WEEK', label: 'This week' },
  { value: 'THIS_MONTH', label: 'This month' },
  { value: 'ALL_TIME', label: 'All time' },
  { value: 'LIVE', label: 'Live games' },
] as const;

/** Per set or overall; week / month / all time; optionally one class. Filters live in the URL. */
export const LeaderboardView = () => {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter: LeaderboardFilter = parseLeaderboardFilter(params);
  const sets = usePublishedSets();
  const viewer = useViewer();
  const board = useLeaderboard(filter);

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const classes = viewer.data?.classes ?? [];
  const first = board.data?.pages[0]?.leaderboard;
  const entries = board.data?.pages.flatMap((page) => page.leaderboard.entries) ?? [];
  const setTitle = first?.set?.title ?? sets.data?.find((set) => set.id === filter.setId)?.title;
  const scope = filter.setId ? (setTitle ?? 'This quiz') : 'Overall';
  const windowLabel = WINDOWS.find((option) => option.value === filter.window)?.label ?? 'All time';

  return (
    <div className="stack-lg">
      <form
        className="card card--flat stack"
        aria-label="Leaderboard filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div className="field" style={{ flex: '1 1 16rem' }}>
            <label htmlFor="board-set">Quiz</label>
            <select
              id="board-set"
              className="select"
              value={filter.setId ?? ''}
              aria-describedby={filter.setId ? undefined : 'board-set-hint'}
              onChange={(event) => update('set', event.target.value || null)}
            >
              {/* Short enough for a phone's select; what "overall" adds up is said below it. */}
              <option value="">Overall</option>
              {(sets.data ?? []).map((set) => (
                <option key={set.id} value={set.id}>
                  {set.title}
                </option>
              ))}
              {filter.setId && !sets.data?.some((set) => set.id === filter.setId) ? (
                <option value={filter.setId}>{setTitle ?? 'Selected quiz'}</option>
              ) : null}
            </select>
            {filter.setId ? null : (
              <p id="board-set-hint" className="small muted">
                Each player's best score on every quiz, added up.
              </p>
            )}
          </div>
          {classes.length > 0 ? (
            <div className="field" style={{ flex: '1 1 12rem' }}>
              <label htmlFor="board-class">Class</label>
              <select
                id="board-class"
                className="select"
                value={filter.classId ?? ''}
                onChange={(event) => update('class', event.target.value || null)}
              >
                <option value="">Everyone</option>
                {classes.map((klass) => (
                  <option key={klass.id} value={klass.id}>
                    {klass.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <fieldset>
          <legend className="label">Period</legend>
          <div className="segmented">
            {WINDOWS.map((option) => (
              <label key={option.value}>
                <input
                  type="radio"
                  name="window"
                  value={option.value}
                  checked={filter.window === option.value}
                  onChange={() =>
                    update('window', option.value === 'ALL_TIME' ? null : option.value)
                  }
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>

      <section aria-labelledby="board-title" aria-busy={board.isFetching}>
        <div className="row row--between">
          <h2 id="board-title">
            {scope} · {windowLabel}
            {first?.class ? ` · ${first.class.name}` : ''}
          </h2>
          {first ? (
            <p className="muted" style={{ margin: 0 }}>
              {formatNumber(first.totalPlayers)} {first.totalPlayers === 1 ? 'player' : 'players'}
            </p>
          ) : null}
        </div>
        <p className="muted small">
          Each player&apos;s first finished attempt counts; retakes are practice and not ranked.
        </p>
        {board.isPending ? (
          <Skeleton lines={6} label="Loading the leaderboard…" />
        ) : board.isError ? (
          <ErrorState
            error={board.error}
            onRetry={() => board.refetch()}
            title="The leaderboard could not be loaded"
            level={3}
          />
        ) : entries.length === 0 && !first?.viewerEntry ? (
          <EmptyState icon="flag" title="No scores yet">
            <p>
              Nobody has finished {filter.setId ? 'this quiz' : 'a quiz'} in this period. Be the
              first!
            </p>
          </EmptyState>
        ) : (
          <>
            <LeaderboardList
              entries={entries}
              viewerEntry={first?.viewerEntry ?? null}
              caption={`${scope}, ${windowLabel}: ranks`}
            />
            {board.hasNextPage || board.isFetchNextPageError ? (
              <div className="row row--center" style={{ marginBlockStart: '1rem' }}>
                <LoadMore
                  pages={board}
                  label="Load more"
                  failure="More entries could not be loaded. Try again."
                />
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
};
