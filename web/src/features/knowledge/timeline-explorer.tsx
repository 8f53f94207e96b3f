'use client';

import { type FormEvent, useState } from 'react';
import { LoadMore } from '@/components/load-more';
import { SlugSelect } from '@/components/slug-select';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import type { EventFieldsFragment } from '@/gql/graphql';
import { EventCard } from './event-card';
import type { EventFilterValues } from './queries';
import { useEvents, useTaxonomy } from './use-knowledge';

const EMPTY: EventFilterValues = { eras: [], actors: [], themes: [], search: '' };

const toggle = (list: string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

type EraGroup = { slug: string; name: string; events: EventFieldsFragment[] };

const groupByEra = (events: readonly EventFieldsFragment[]): EraGroup[] => {
  const groups: EraGroup[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last && last.slug === event.era.slug) {
      last.events.push(event);
    } else {
      groups.push({ slug: event.era.slug, name: event.era.name, events: [event] });
    }
  }
  return groups;
};

/** The knowledge base's events, 1946–2025, grouped by era and filtered by era, actor and theme. */
export const TimelineExplorer = () => {
  const [filter, setFilter] = useState<EventFilterValues>(EMPTY);
  const taxonomy = useTaxonomy();
  const events = useEvents(filter);
  const eras = taxonomy.data?.eras ?? [];
  const themes = taxonomy.data?.themes ?? [];
  const actors = (taxonomy.data?.actors ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
  const all = events.data?.pages.flatMap((page) => page.events.nodes) ?? [];
  const total = events.data?.pages[0]?.events.totalCount ?? 0;
  const isFiltered =
    filter.eras.length + filter.actors.length + filter.themes.length > 0 || filter.search !== '';

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...filter, search: String(new FormData(event.currentTarget).get('q') ?? '') });
  };

  return (
    <div className="two-col two-col--sidebar">
      <aside className="filters" aria-label="Filter the timeline">
        <form onSubmit={search} className="field">
          <label htmlFor="timeline-search">Search events</label>
          <div className="row" style={{ flexWrap: 'nowrap' }}>
            <input
              id="timeline-search"
              name="q"
              className="input"
              type="search"
              defaultValue={filter.search}
            />
            <button type="submit" className="button button--secondary">
              Search
            </button>
          </div>
        </form>
        <fieldset>
          <legend className="label">Era</legend>
          {taxonomy.isPending ? <span className="skeleton" /> : null}
          <ul className="chips">
            {eras.map((era) => (
              <li key={era.slug}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={filter.eras.includes(era.slug)}
                  onClick={() => setFilter({ ...filter, eras: toggle(filter.eras, era.slug) })}
                >
                  {era.name}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend className="label">Theme</legend>
          <ul className="chips">
            {themes.map((theme) => (
              <li key={theme.slug}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={filter.themes.includes(theme.slug)}
                  onClick={() =>
                    setFilter({ ...filter, themes: toggle(filter.themes, theme.slug) })
                  }
                >
                  {theme.name}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <SlugSelect
          id="timeline-actor"
          label="Actor"
          anyLabel="Any actor"
          options={actors}
          value={filter.actors}
          onChange={(actors) => setFilter({ ...filter, actors })}
        />
        {taxonomy.isError ? (
          <ErrorState
            error={taxonomy.error}
            onRetry={() => taxonomy.refetch()}
            title="Filters could not be loaded"
            level={3}
          />
        ) : null}
        {isFiltered ? (
          <button type="button" className="button button--quiet" onClick={() => setFilter(EMPTY)}>
            Clear all filters
          </button>
        ) : null}
      </aside>

      <section aria-labelledby="events-title" aria-busy={events.isFetching}>
        <h2 id="events-title" className="visually-hidden">
          Events
        </h2>
        <p className="muted" role="status" id="events-count">
          {events.isPending
            ? 'Loading events…'
            : `${total} ${total === 1 ? 'event' : 'events'}${isFiltered ? ' match' : ''}`}
        </p>
        {events.isPending ? (
          <Skeleton lines={8} label="Loading events…" />
        ) : events.isError ? (
          <ErrorState
            error={events.error}
            onRetry={() => events.refetch()}
            title="The timeline could not be loaded"
            level={3}
          />
        ) : all.length === 0 ? (
          <EmptyState icon="search" title="No events match">
            <p>Try fewer filters, or another word.</p>
          </EmptyState>
        ) : (
          <div className="stack-lg">
            {groupByEra(all).map((group) => {
              const era = eras.find((item) => item.slug === group.slug);
              return (
                <section
                  key={`${group.slug}-${group.events[0]?.slug}`}
                  className="era"
                  aria-labelledby={`era-${group.slug}`}
                >
                  <div className="era__head">
                    <h2 id={`era-${group.slug}`}>{group.name}</h2>
                    {era ? <p>{era.description}</p> : null}
                  </div>
                  <ol className="events">
                    {group.events.map((event) => (
                      <li key={event.slug} className="event">
                        <EventCard event={event} />
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
            <LoadMore
              pages={events}
              label="Load more events"
              failure="More events could not be loaded. Try again."
            />
          </div>
        )}
      </section>
    </div>
  );
};
