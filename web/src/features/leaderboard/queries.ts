import { graphql } from '@/gql';

export const LeaderboardEntryFieldsDoc = graphql(`
  fragment LeaderboardEntryFields on LeaderboardEntry {
    rank
    score
    attemptCount
    achievedAt
    player {
      id
      displayName
      isGuest
    }
  }
`);

export const LeaderboardDocument = graphql(`
  query Leaderboard($input: LeaderboardInput!) {
    leaderboard(input: $input) {
      window
      totalPlayers
      set {
        id
        title
      }
      class {
        id
        name
      }
      entries {
        ...LeaderboardEntryFields
      }
      viewerEntry {
        ...LeaderboardEntryFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type LeaderboardFilter = {
  setId: string | null;
  classId: string | null;
  window: 'ALL_TIME' | 'THIS_MONTH' | 'THIS_WEEK' | 'LIVE';
};

export const leaderboardKeys = {
  all: ['leaderboard'] as const,
  board: (filter: LeaderboardFilter) => [...leaderboardKeys.all, filter] as const,
};

export const LEADERBOARD_PAGE_SIZE = 20;

/** The board's variables for one page (shared by the hook and the server's prefetch). */
export const leaderboardVariables = (filter: LeaderboardFilter, after: string | null) => ({
  input: {
    window: filter.window,
    first: LEADERBOARD_PAGE_SIZE,
    ...(filter.setId ? { setId: filter.setId } : {}),
    ...(filter.classId ? { classId: filter.classId } : {}),
    ...(after ? { after } : {}),
  },
});

const first = (value: string | string[] | null | undefined) =>
  (Array.isArray(value) ? value[0] : value) || null;

/** The filter in the URL (`?set=&class=&window=`), read the same way on server and client. */
export const parseLeaderboardFilter = (params: {
  get: (name: string) => string | string[] | null | undefined;
}): LeaderboardFilter => {
  const window = first(params.get('window'));
  return {
    setId: first(params.get('set')),
    classId: first(params.get('class')),
    window:
      window === 'THIS_WEEK' || window === 'THIS_MONTH' || window === 'LIVE' ? window : 'ALL_TIME',
  };
};
