import type { CitationFieldsFragment } from '@/gql/graphql';

type CitationListProps = {
  citations: readonly CitationFieldsFragment[];
  /** Accessible name of the list, e.g. "Sources for this answer". */
  label?: string;
  /** Teachers checking a passage may see where it sits in the source file; students never do. */
  showLocator?: boolean;
};

/**
 * Each cited passage as a blockquote, with the source's title, publisher and date in words (and,
 * for teachers, its locator).
 */
export const CitationList = ({
  citations,
  label = 'Sources',
  showLocator = false,
}: CitationListProps) => {
  if (citations.length === 0) {
    return <p className="muted small">No source passage is attached to this item.</p>;
  }
  return (
    <ul className="citations" aria-label={label}>
      {citations.map((citation) => (
        <li key={citation.id}>
          <Citation citation={citation} showLocator={showLocator} />
        </li>
      ))}
    </ul>
  );
};

export const Citation = ({
  citation,
  showLocator = false,
}: {
  citation: CitationFieldsFragment;
  showLocator?: boolean;
}) => (
  <figure className="citation">
    <blockquote>
      <p>{citation.quote}</p>
    </blockquote>
    <figcaption>
      <cite>{citation.source.title}</cite>
      <span>{citation.source.publisher}</span>
      {citation.source.publishedLabel ? <span>{citation.source.publishedLabel}</span> : null}
      {showLocator && citation.locator ? (
        <span className="citation__locator">
          <span className="visually-hidden">Location in the source: </span>
          {citation.locator}
        </span>
      ) : null}
    </figcaption>
  </figure>
);
