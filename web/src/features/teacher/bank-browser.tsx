'use client';

import { type FormEvent, useState } from 'react';
import { LoadMore } from '@/components/load-more';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import type { BankQuestionFieldsFragment } from '@/gql/graphql';
import { AddButton } from './add-button';
import { BankFacetFilters } from './bank-facets';
import { EMPTY_BANK_FILTER } from './bank-filters';
import { BankQuestionItem } from './bank-question-item';
import { matchCountText } from './bank-text';
import type { BankFilterValues } from './queries';
import { useBankQuestions } from './use-teacher';

type BankBrowserProps = {
  inSet: ReadonlySet<string>;
  onAdd: (questions: BankQuestionFieldsFragment[]) => void;
  isAdding: boolean;
};

/** The question bank with filters and per-type counts; questions go into the set one by one. */
export const BankBrowser = ({ inSet, onAdd, isAdding }: BankBrowserProps) => {
  const [filter, setFilter] = useState<BankFilterValues>(EMPTY_BANK_FILTER);
  const bank = useBankQuestions(filter);
  const first = bank.data?.pages[0]?.bankQuestions;
  const nodes = bank.data?.pages.flatMap((page) => page.bankQuestions.nodes) ?? [];

  const addButton = (question: BankQuestionFieldsFragment) => (
    <AddButton
      isInSet={inSet.has(question.id)}
      isPending={isAdding}
      onAdd={() => onAdd([question])}
      stem={question.stem}
    />
  );

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...filter, search: String(new FormData(event.currentTarget).get('q') ?? '') });
  };

  return (
    <div className="stack">
      <form onSubmit={search} className="field">
        <label htmlFor="bank-search">Search the question bank</label>
        <span className="field__hint" id="bank-search-hint">
          Searches questions, options, quotes and explanations. Use "quotes" for a phrase, or for
          either word, and -word to leave a word out.
        </span>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          <input
            id="bank-search"
            name="q"
            type="search"
            className="input"
            maxLength={200}
            aria-describedby="bank-search-hint"
            defaultValue={filter.search}
          />
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </div>
      </form>
      <BankFacetFilters value={filter} onChange={setFilter} facets={first?.facets} />
      <p className="muted" role="status">
        {bank.isPending || bank.isPlaceholderData
          ? 'Searching…'
          : matchCountText(first?.totalCount ?? 0)}
      </p>
      {bank.isPending ? (
        <Skeleton lines={5} label="Loading the question bank…" />
      ) : bank.isError ? (
        <ErrorState
          error={bank.error}
          onRetry={() => bank.refetch()}
          title="The question bank could not be loaded"
          level={3}
        />
      ) : nodes.length === 0 ? (
        <EmptyState icon="search" title="No questions match">
          <p>Loosen the filters, or generate new questions from the knowledge base.</p>
        </EmptyState>
      ) : (
        <ul className="plain-list stack">
          {nodes.map((question) => (
            <li key={question.id}>
              <BankQuestionItem
                question={question}
                idPrefix={`bank-${question.id}`}
                action={addButton(question)}
                actionFor={addButton}
              />
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        pages={bank}
        label="Load more questions"
        failure="More questions could not be loaded. Try again."
      />
    </div>
  );
};
