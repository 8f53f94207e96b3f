import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { EventFilter } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import { type EventFilterValues, EventsDocument, knowledgeKeys, TaxonomyDocument } from './queries';

export const useTaxonomy = () =>
  useQuery({
    queryKey: knowledgeKeys.taxonomy(),
    queryFn: ({ signal }) => gqlRequest(TaxonomyDocument, undefined, { signal }),
    // The knowledge base changes only with a new seed.
    staleTime: 10 * 60_000,
  });

export const toEventFilter = (values: EventFilterValues): EventFilter => ({
  ...(values.eras.length ? { eras: values.eras } : {}),
  ...(values.actors.length ? { actors: values.actors } : {}),
  ...(values.themes.length ? { themes: values.themes } : {}),
  ...(values.search.trim() ? { search: values.search.trim() } : {}),
});

export const useEvents = (values: EventFilterValues, pageSize = 100) =>
  useInfiniteQuery({
    queryKey: knowledgeKeys.events(values),
    queryFn: ({ pageParam, signal }) =>
      gqlRequest(
        EventsDocument,
        { filter: toEventFilter(values), first: pageSize, after: pageParam },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.events.pageInfo.hasNextPage ? last.events.pageInfo.endCursor : undefined,
    staleTime: 10 * 60_000,
  });
