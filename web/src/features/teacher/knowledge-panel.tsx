'use client';

import { type FormEvent, useState } from 'react';
import { CitationList } from '@/components/citation-list';
import { SlugSelect } from '@/components/slug-select';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { eventDate } from '@/features/knowledge/event-card';
import type { EventFilterValues } from '@/features/knowledge/queries';
import { StatusBadge } from '@/features/knowledge/status-badge';
import { useEvents, useTaxonomy } from '@/features/knowledge/use-knowledge';

/** A compact browser of the knowledge base, to see what questions can be drawn from. */
export const KnowledgePanel = () => {
  const [filter, setFilter] = useState<EventFilterValues>({
    eras: [],
    actors: [],
    themes: [],
    search: '',
  });
  const taxonomy = useTaxonomy();
  const events = useEvents(filter);
  const nodes = events.data?.pages.flatMap((page) => page.events.nodes) ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...filter, search: String(new FormData(event.currentTarget).get('q') ?? '') });
  };
  return (
    <div className="stack">
      <form onSubmit={submit} className="grid" aria-label="Filter the knowledge base">
        <div className="field">
          <label htmlFor="kb-search">Search events</label>
          <input
            id="kb-search"
            name="q"
            type="search"
            className="input"
            defaultValue={filter.search}
          />
        </div>
        <SlugSelect
          id="kb-era"
          label="Era"
          anyLabel="All eras"
          options={taxonomy.data?.eras ?? []}
          value={filter.eras}
          onChange={(eras) => setFilter({ ...filter, eras })}
        />
        <SlugSelect
          id="kb-theme"
          label="Theme"
          anyLabel="All themes"
          options={taxonomy.data?.themes ?? []}
          value={filter.themes}
          onChange={(themes) => setFilter({ ...filter, themes })}
        />
        <div className="form-actions" style={{ alignSelf: 'end' }}>
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </div>
      </form>
      {events.isPending ? (
        <Skeleton lines={5} label="Loading events…" />
      ) : events.isError ? (
        <ErrorState
          error={events.error}
          onRetry={() => events.refetch()}
          title="The knowledge base could not be loaded"
          level={3}
        />
      ) : nodes.length === 0 ? (
        <EmptyState icon="search" title="No events match" />
      ) : (
        <ul className="plain-list stack">
          {nodes.map((event) => (
            <li key={event.slug} className="bank-q">
              <p className="small event__date" style={{ margin: 0 }}>
                {eventDate(event)}
              </p>
              <p className="bank-q__stem">{event.title}</p>
              <div className="event__tags">
                <StatusBadge status={event.status} claimedBy={event.claimedBy} />
                <span className="badge">{event.era.name}</span>
              </div>
              <details className="disclosure">
                <summary>
                  Summary and sources<span className="visually-hidden">: {event.title}</span>
                </summary>
                <p>{event.summary}</p>
                <CitationList
                  citations={event.citations}
                  label={`Sources for ${event.title}`}
                  showLocator
                />
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
