'use client';

import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
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

/** An era's years as the sources give them: "1946–1979". */
const eraYears = (era: { start: { year: number }; end?: { year: number } | null }) =>
  era.end && era.end.year !== era.start.year
    ? `${era.start.year}–${era.end.year}`
    : `${era.start.year}`;

/**
 * The knowledge base's events, 1946–2025, one era at a time: an era strip (arrow keys move
 * along it) pages through them, with "Previous era"/"Next era" below each. Theme, actor and
 * search filters sit in a sticky sidebar on a wide screen and in a sheet on a phone.
 */
export const TimelineExplorer = () => {
  const [filter, setFilter] = useState<EventFilterValues>(EMPTY);
  const [chosenEra, setChosenEra] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const eraHeading = useRef<HTMLHeadingElement>(null);
  const sheetHeading = useRef<HTMLHeadingElement>(null);
  const filterButton = useRef<HTMLButtonElement>(null);
  const taxonomy = useTaxonomy();
  const events = useEvents(filter);
  const eras = taxonomy.data?.eras ?? [];
  const themes = taxonomy.data?.themes ?? [];
  const actors = (taxonomy.data?.actors ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
  const all = events.data?.pages.flatMap((page) => page.events.nodes) ?? [];
  const total = events.data?.pages[0]?.events.totalCount ?? 0;
  const activeFilters = filter.actors.length + filter.themes.length + (filter.search ? 1 : 0);
  const isFiltered = activeFilters > 0;

  const groups = groupByEra(all);
  const countOf = (slug: string) =>
    groups.filter((group) => group.slug === slug).reduce((sum, g) => sum + g.events.length, 0);
  const withEvents = eras.filter((era) => countOf(era.slug) > 0);
  const current = withEvents.find((era) => era.slug === chosenEra) ?? withEvents[0] ?? null;
  const index = current ? withEvents.indexOf(current) : -1;
  const previous = index > 0 ? withEvents[index - 1] : undefined;
  const next = index >= 0 ? withEvents[index + 1] : undefined;
  const shown = current
    ? groups.filter((group) => group.slug === current.slug).flatMap((g) => g.events)
    : [];

  /** Shows an era; `focus` moves focus to its heading (the Previous/Next buttons). */
  const showEra = (slug: string, focus: boolean) => {
    setChosenEra(slug);
    if (focus) {
      requestAnimationFrame(() => eraHeading.current?.focus());
    }
  };

  /** Arrow keys, Home and End along the era strip (each era is a button in the tab order too). */
  const stripKeys = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    let target: number | null = null;
    if (event.key in moves) {
      target = Math.min(Math.max(index + (moves[event.key] ?? 0), 0), withEvents.length - 1);
    } else if (event.key === 'Home') {
      target = 0;
    } else if (event.key === 'End') {
      target = withEvents.length - 1;
    }
    const era = target === null ? undefined : withEvents[target];
    if (era) {
      event.preventDefault();
      setChosenEra(era.slug);
      event.currentTarget.querySelector<HTMLButtonElement>(`[data-era="${era.slug}"]`)?.focus();
    }
  };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...filter, search: String(new FormData(event.currentTarget).get('q') ?? '') });
  };

  const openSheet = () => {
    setSheetOpen(true);
    requestAnimationFrame(() => sheetHeading.current?.focus());
  };
  const closeSheet = () => {
    setSheetOpen(false);
    requestAnimationFrame(() => filterButton.current?.focus());
  };

  const countText = events.isPending
    ? 'Loading events…'
    : `${total} ${total === 1 ? 'event' : 'events'}${isFiltered ? ' match' : ''} in ${withEvents.length} ${withEvents.length === 1 ? 'era' : 'eras'}`;

  return (
    <div className="timeline">
      <div className="timeline__bar">
        <button
          ref={filterButton}
          type="button"
          className="button button--secondary button--small"
          aria-expanded={sheetOpen}
          aria-controls="timeline-filters"
          onClick={() => (sheetOpen ? closeSheet() : openSheet())}
        >
          Filters{activeFilters ? ` (${activeFilters})` : ''}
        </button>
        {isFiltered ? (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setFilter(EMPTY)}
          >
            Clear filters
          </button>
        ) : null}
      </div>

      <aside
        id="timeline-filters"
        className="filters timeline__filters"
        aria-labelledby="filters-title"
        data-open={sheetOpen ? '' : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && sheetOpen) {
            closeSheet();
          }
        }}
      >
        <div className="row row--between timeline__sheet-head">
          <h2 id="filters-title" className="label" tabIndex={-1} ref={sheetHeading}>
            Filter the timeline
          </h2>
          <button
            type="button"
            className="button button--small timeline__sheet-close"
            onClick={closeSheet}
          >
            Show {total} {total === 1 ? 'event' : 'events'}
          </button>
        </div>
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
          <legend className="label">Theme</legend>
          {taxonomy.isPending ? <span className="skeleton" /> : null}
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

      <section
        className="timeline__main"
        aria-labelledby="events-title"
        aria-busy={events.isFetching}
      >
        <h2 id="events-title" className="visually-hidden">
          Events by era
        </h2>
        <p className="muted" role="status" id="events-count">
          {countText}
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
        ) : !current ? (
          <EmptyState icon="search" title="No events match">
            <p>Try fewer filters, or another word.</p>
          </EmptyState>
        ) : (
          <div className="stack-lg">
            <nav aria-label="Eras" className="era-strip">
              <ol onKeyDown={stripKeys}>
                {eras.map((era) => {
                  const count = countOf(era.slug);
                  return (
                    <li key={era.slug}>
                      <button
                        type="button"
                        data-era={era.slug}
                        className="era-strip__era"
                        aria-current={era.slug === current.slug ? 'true' : undefined}
                        disabled={count === 0}
                        onClick={() => showEra(era.slug, false)}
                      >
                        <span className="era-strip__years">{eraYears(era)}</span>
                        <span className="era-strip__name">{era.name}</span>
                        <span className="era-strip__count">
                          {count} {count === 1 ? 'event' : 'events'}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </nav>
            <section className="era" aria-labelledby="era-title">
              <div className="era__head">
                <p className="eyebrow">
                  Era {index + 1} of {withEvents.length} · {eraYears(current)}
                </p>
                <h2 id="era-title" tabIndex={-1} ref={eraHeading}>
                  {current.name}
                </h2>
                <p>{current.description}</p>
              </div>
              <ol className="events">
                {shown.map((event) => (
                  <li key={event.slug} className="event">
                    <EventCard event={event} />
                  </li>
                ))}
              </ol>
            </section>
            <div className="row row--between era-nav">
              {previous ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => showEra(previous.slug, true)}
                >
                  ← Previous era: {previous.name}
                </button>
              ) : (
                <span />
              )}
              {next ? (
                <button type="button" className="button" onClick={() => showEra(next.slug, true)}>
                  Next era: {next.name} →
                </button>
              ) : null}
            </div>
            {events.hasNextPage || events.isFetchNextPageError ? (
              <LoadMore
                pages={events}
                label="Load more events"
                failure="More events could not be loaded. Try again."
              />
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
};
