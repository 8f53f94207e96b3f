import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { type BankFacetCounts, BankFacetFilters } from './bank-facets';
import { EMPTY_BANK_FILTER } from './bank-filters';
import type { BankFilterValues } from './queries';

const facet = (value: string, count: number, label = value) => ({ value, label, count });

// Counts as the API sends them: each group counted without its own filter.
const FACETS: BankFacetCounts = {
  types: [facet('CHRONOLOGY', 408), facet('WHICH_FIRST', 133), facet('WHO_SAID', 17)],
  eras: [facet('early-relations', 148, 'Early relations'), facet('civil-war', 455, 'Civil war')],
  spansEras: 535,
  themes: [facet('diplomacy', 300, 'Diplomacy')],
  actors: Array.from({ length: 15 }, (_, i) => facet(`actor-${i}`, 100 - i, `Actor ${i}`)),
  sources: [facet('wikipedia', 775, 'Iran–Syria relations')],
  difficulties: [facet('EASY', 1), facet('HARD', 20)],
  statuses: [facet('FACT', 935), facet('DISPUTED', 2)],
};

/** The filters with their state, as the bank browser holds it; each change is reported. */
const Harness = ({
  counts,
  onChange,
}: {
  counts: BankFacetCounts;
  onChange: (value: BankFilterValues) => void;
}) => {
  const [value, setValue] = useState<BankFilterValues>(EMPTY_BANK_FILTER);
  return (
    <BankFacetFilters
      value={value}
      facets={counts}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
};

const renderFilters = (facets = FACETS) => {
  const seen: BankFilterValues[] = [];
  const record = (value: BankFilterValues) => {
    seen.push(value);
  };
  const view = render(<Harness counts={facets} onChange={record} />);
  return {
    last: () => seen.at(-1),
    /** New counts from the API, the picks kept. */
    recount: (counts: BankFacetCounts) =>
      view.rerender(<Harness counts={counts} onChange={record} />),
  };
};

const group = (name: string) => within(screen.getByRole('group', { name }));

describe('BankFacetFilters', () => {
  it('keeps every type chip when one is picked, and picks several', () => {
    const { last } = renderFilters();
    const types = group('Question type');
    fireEvent.click(types.getByRole('button', { name: 'Put in order (408)' }));
    expect(types.getByRole('button', { name: 'Put in order (408)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // The others stay, unpressed, with their counts.
    expect(types.getByRole('button', { name: 'Which came first? (133)' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(types.getAllByRole('button')).toHaveLength(3);
    fireEvent.click(types.getByRole('button', { name: 'Who said it? (17)' }));
    expect(last()?.types).toEqual(['CHRONOLOGY', 'WHO_SAID']);
    fireEvent.click(types.getByRole('button', { name: 'Put in order (408)' }));
    expect(last()?.types).toEqual(['WHO_SAID']);
  });

  it('offers "Spans eras" beside the eras, and the other facets in words', () => {
    const { last } = renderFilters();
    const eras = group('Era');
    fireEvent.click(eras.getByRole('button', { name: 'Civil war (455)' }));
    fireEvent.click(eras.getByRole('button', { name: 'Spans eras (535)' }));
    expect(last()).toMatchObject({ eras: ['civil-war'], spansEras: true });
    fireEvent.click(group('Status of the facts').getByRole('button', { name: 'Disputed (2)' }));
    fireEvent.click(group('Difficulty').getByRole('button', { name: 'Hard (20)' }));
    fireEvent.click(group('Source').getByRole('button', { name: 'Iran–Syria relations (775)' }));
    fireEvent.click(group('Theme').getByRole('button', { name: 'Diplomacy (300)' }));
    expect(last()).toMatchObject({
      statuses: ['DISPUTED'],
      difficulties: ['HARD'],
      sources: ['wikipedia'],
      themes: ['diplomacy'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(last()).toMatchObject({ types: [], eras: [], spansEras: false, statuses: [] });
    expect(screen.queryByRole('button', { name: 'Clear the filters' })).toBeNull();
  });

  it('shows the busiest actors first and the rest on request', () => {
    renderFilters();
    const actors = group('Actor');
    expect(actors.getAllByRole('button', { pressed: false })).toHaveLength(12);
    fireEvent.click(actors.getByRole('button', { name: 'Show all 15 actors' }));
    expect(actors.getByRole('button', { name: 'Actor 14 (86)' })).toBeInTheDocument();
  });

  it('keeps a picked value that the other filters leave no questions for', () => {
    const { recount } = renderFilters();
    fireEvent.click(group('Question type').getByRole('button', { name: 'Who said it? (17)' }));
    // Another filter leaves no who-said questions: the API lists no WHO_SAID count any more.
    recount({ ...FACETS, types: [facet('CHRONOLOGY', 3)] });
    expect(
      group('Question type').getByRole('button', { name: 'Who said it? (0)' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(group('Question type').getByRole('button', { name: 'Put in order (3)' })).toBeVisible();
  });
});
