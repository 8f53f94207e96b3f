'use client';

import { useState } from 'react';
import { TYPE_LABELS } from '@/features/play/response';
import type { FacetCountFieldsFragment, FactStatus, QuestionType } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import { DIFFICULTY_LABELS, STATUS_LABELS } from './bank-text';
import type { BankFilterValues } from './queries';

export type BankFacetCounts = {
  types: readonly FacetCountFieldsFragment[];
  eras: readonly FacetCountFieldsFragment[];
  spansEras: number;
  themes: readonly FacetCountFieldsFragment[];
  actors: readonly FacetCountFieldsFragment[];
  sources: readonly FacetCountFieldsFragment[];
  difficulties: readonly FacetCountFieldsFragment[];
  statuses: readonly FacetCountFieldsFragment[];
};

type ListKey = 'types' | 'eras' | 'themes' | 'actors' | 'sources' | 'difficulties' | 'statuses';

type Chip = { value: string; label: string; count: number | undefined };

/** Actors shown before "Show all": the bank names over a hundred. */
const FIRST_ACTORS = 12;

const toggle = (list: readonly string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

/**
 * The chips of one facet: every value the result has (with how many questions it would give
 * under the other filters) plus the picked ones, so a pick never hides its siblings.
 */
const chipsOf = (
  counts: readonly FacetCountFieldsFragment[],
  picked: readonly string[],
  word: (value: string, label: string) => string,
): Chip[] => {
  const chips: Chip[] = counts.map((facet) => ({
    value: facet.value,
    label: word(facet.value, facet.label),
    count: facet.count,
  }));
  for (const value of picked) {
    if (!chips.some((chip) => chip.value === value)) {
      chips.push({ value, label: word(value, value), count: 0 });
    }
  }
  return chips;
};

const ChipGroup = ({
  legend,
  chips,
  picked,
  onToggle,
  extra,
}: {
  legend: string;
  chips: readonly Chip[];
  picked: readonly string[];
  onToggle: (value: string) => void;
  extra?: React.ReactNode;
}) =>
  chips.length === 0 && !extra ? null : (
    <fieldset className="facet">
      <legend className="label">{legend}</legend>
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.value}>
            <button
              type="button"
              className="chip"
              aria-pressed={picked.includes(chip.value)}
              onClick={() => onToggle(chip.value)}
            >
              {chip.label}
              {chip.count !== undefined ? (
                <span className="chip__count">({formatNumber(chip.count)})</span>
              ) : null}
            </button>
          </li>
        ))}
        {extra}
      </ul>
    </fieldset>
  );

const EMPTY: BankFacetCounts = {
  types: [],
  eras: [],
  spansEras: 0,
  themes: [],
  actors: [],
  sources: [],
  difficulties: [],
  statuses: [],
};

/**
 * Multi-select filter chips for the bank, one group per facet, each chip with its count. Values
 * in a group are alternatives; groups combine. Counts come from the API, which counts each group
 * without its own filter.
 */
export const BankFacetFilters = ({
  value,
  onChange,
  facets = EMPTY,
}: {
  value: BankFilterValues;
  onChange: (value: BankFilterValues) => void;
  facets?: BankFacetCounts;
}) => {
  const [allActors, setAllActors] = useState(false);
  const picked = (key: ListKey): string[] => value[key] ?? [];
  // Open while any of its filters is on, so a pick is never out of sight.
  const [moreOpen, setMoreOpen] = useState(
    () => picked('themes').length + picked('sources').length + picked('actors').length > 0,
  );
  const set = (key: ListKey) => (item: string) =>
    onChange({ ...value, [key]: toggle(picked(key), item) });
  const asIs = (_value: string, label: string) => label;
  const actors = chipsOf(facets.actors, picked('actors'), asIs);
  const shownActors = allActors
    ? actors
    : actors.filter((chip, i) => i < FIRST_ACTORS || picked('actors').includes(chip.value));
  const anyPicked =
    (['types', 'eras', 'themes', 'actors', 'sources', 'difficulties', 'statuses'] as const).some(
      (key) => picked(key).length > 0,
    ) || Boolean(value.spansEras);
  return (
    <div className="stack facets">
      <ChipGroup
        legend="Question type"
        chips={chipsOf(
          facets.types,
          picked('types'),
          (type, label) => TYPE_LABELS[type as QuestionType] ?? label,
        )}
        picked={picked('types')}
        onToggle={set('types')}
      />
      <ChipGroup
        legend="Era"
        chips={chipsOf(facets.eras, picked('eras'), asIs)}
        picked={picked('eras')}
        onToggle={set('eras')}
        extra={
          facets.spansEras > 0 || value.spansEras ? (
            <li>
              <button
                type="button"
                className="chip"
                aria-pressed={Boolean(value.spansEras)}
                onClick={() => onChange({ ...value, spansEras: !value.spansEras })}
              >
                Spans eras
                <span className="chip__count">({formatNumber(facets.spansEras)})</span>
              </button>
            </li>
          ) : null
        }
      />
      <ChipGroup
        legend="Difficulty"
        chips={chipsOf(
          facets.difficulties,
          picked('difficulties'),
          (band, label) => DIFFICULTY_LABELS[band] ?? label,
        )}
        picked={picked('difficulties')}
        onToggle={set('difficulties')}
      />
      <ChipGroup
        legend="Status of the facts"
        chips={chipsOf(
          facets.statuses,
          picked('statuses'),
          (status, label) => STATUS_LABELS[status as FactStatus] ?? label,
        )}
        picked={picked('statuses')}
        onToggle={set('statuses')}
      />
      <details
        className="disclosure"
        open={moreOpen}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}
      >
        <summary>More filters: theme, source, actor</summary>
        <div className="stack">
          <ChipGroup
            legend="Theme"
            chips={chipsOf(facets.themes, picked('themes'), asIs)}
            picked={picked('themes')}
            onToggle={set('themes')}
          />
          <ChipGroup
            legend="Source"
            chips={chipsOf(facets.sources, picked('sources'), asIs)}
            picked={picked('sources')}
            onToggle={set('sources')}
          />
          <ChipGroup
            legend="Actor"
            chips={shownActors}
            picked={picked('actors')}
            onToggle={set('actors')}
            extra={
              actors.length > FIRST_ACTORS ? (
                <li>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-expanded={allActors}
                    onClick={() => setAllActors(!allActors)}
                  >
                    {allActors ? 'Show fewer actors' : `Show all ${actors.length} actors`}
                  </button>
                </li>
              ) : null
            }
          />
        </div>
      </details>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={value.mine}
            onChange={(event) => onChange({ ...value, mine: event.target.checked })}
          />
          <span>Only questions I wrote or edited</span>
        </label>
        {anyPicked ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              onChange({
                ...value,
                types: [],
                eras: [],
                spansEras: false,
                themes: [],
                actors: [],
                sources: [],
                difficulties: [],
                statuses: [],
              })
            }
          >
            Clear the filters
          </button>
        ) : null}
      </div>
    </div>
  );
};
