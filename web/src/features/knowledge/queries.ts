import { graphql } from '@/gql';

export const TaxonomyDocument = graphql(`
  query Taxonomy {
    eras {
      slug
      name
      description
      start {
        label
        year
      }
      end {
        label
        year
      }
    }
    themes {
      slug
      name
    }
    actors {
      slug
      name
      shortName
      kind
    }
  }
`);

export const EventFieldsDoc = graphql(`
  fragment EventFields on Event {
    slug
    title
    summary
    status
    claimedBy
    location
    dateReasoning
    start {
      label
      value
      precision
      year
    }
    end {
      label
      value
      precision
      year
    }
    era {
      slug
      name
    }
    themes {
      slug
      name
    }
    participants {
      role
      stance
      actor {
        slug
        name
      }
    }
    disputes {
      claim
      date {
        label
      }
      citation {
        ...CitationFields
      }
    }
    citations {
      ...CitationFields
    }
  }
`);

export const EventsDocument = graphql(`
  query Events($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        ...EventFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type EventFilterValues = {
  eras: string[];
  actors: string[];
  themes: string[];
  search: string;
};

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  taxonomy: () => [...knowledgeKeys.all, 'taxonomy'] as const,
  events: (filter: EventFilterValues) => [...knowledgeKeys.all, 'events', filter] as const,
};
