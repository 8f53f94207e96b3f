'use client';

import { SlugSelect } from '@/components/slug-select';
import type { QuestionType } from '@/gql/graphql';

type TypeCount = { type: QuestionType; count: number };

import { useTaxonomy } from '@/features/knowledge/use-knowledge';
import { TYPE_LABELS } from '@/features/play/response';
import { bandFor, DIFFICULTY_BANDS } from './difficulty';
import type { BankFilterValues } from './queries';

export const EMPTY_BANK_FILTER: BankFilterValues = {
  types: [],
  eras: [],
  actors: [],
  themes: [],
  search: '',
  minDifficulty: null,
  maxDifficulty: null,
  mine: false,
};

type BankFiltersProps = {
  idPrefix: string;
  value: BankFilterValues;
  onChange: (value: BankFilterValues) => void;
  /** countsByType of the current result: chips show how many of each type match. */
  counts?: readonly TypeCount[];
  /** Type chips (bank) or checkboxes without counts (generator). */
  showMine?: boolean;
};

const ALL_TYPES = Object.keys(TYPE_LABELS) as QuestionType[];

/** Type chips with counts, era / theme / actor / difficulty selects and a search box. */
export const BankFilters = ({
  idPrefix,
  value,
  onChange,
  counts,
  showMine = true,
}: BankFiltersProps) => {
  const taxonomy = useTaxonomy();
  const countOf = (type: QuestionType) => counts?.find((count) => count.type === type)?.count;
  const types = counts
    ? ALL_TYPES.filter((type) => (countOf(type) ?? 0) > 0 || value.types.includes(type))
    : ALL_TYPES;
  const actors = (taxonomy.data?.actors ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="stack">
      <fieldset>
        <legend className="label">Question type</legend>
        <ul className="chips">
          {types.map((type) => {
            const count = countOf(type);
            return (
              <li key={type}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={value.types.includes(type)}
                  onClick={() =>
                    onChange({
                      ...value,
                      types: value.types.includes(type)
                        ? value.types.filter((item) => item !== type)
                        : [...value.types, type],
                    })
                  }
                >
                  {TYPE_LABELS[type]}
                  {count !== undefined ? <span className="chip__count">({count})</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="grid">
        <SlugSelect
          id={`${idPrefix}-era`}
          label="Era"
          anyLabel="All eras"
          options={taxonomy.data?.eras ?? []}
          value={value.eras}
          onChange={(eras) => onChange({ ...value, eras })}
        />
        <SlugSelect
          id={`${idPrefix}-theme`}
          label="Theme"
          anyLabel="All themes"
          options={taxonomy.data?.themes ?? []}
          value={value.themes}
          onChange={(themes) => onChange({ ...value, themes })}
        />
        <SlugSelect
          id={`${idPrefix}-actor`}
          label="Actor"
          anyLabel="Any actor"
          options={actors}
          value={value.actors}
          onChange={(actors) => onChange({ ...value, actors })}
        />
        <div className="field">
          <label htmlFor={`${idPrefix}-difficulty`}>Difficulty</label>
          <select
            id={`${idPrefix}-difficulty`}
            className="select"
            value={bandFor(value.minDifficulty, value.maxDifficulty)}
            onChange={(event) => {
              const band = DIFFICULTY_BANDS.find((item) => item.value === event.target.value);
              onChange({
                ...value,
                minDifficulty: band?.min ?? null,
                maxDifficulty: band?.max ?? null,
              });
            }}
          >
            {DIFFICULTY_BANDS.map((band) => (
              <option key={band.value} value={band.value}>
                {band.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {showMine ? (
        <label className="check">
          <input
            type="checkbox"
            checked={value.mine}
            onChange={(event) => onChange({ ...value, mine: event.target.checked })}
          />
          <span>Only questions I wrote or edited</span>
        </label>
      ) : null}
    </div>
  );
};
