import type { CitationFieldsFragment } from '@/gql/graphql';

type CitationListProps = {
  citations: readonly CitationFieldsFragment[];
  /** Accessible name of the list, e.g. "Sources for this answer". */
  label?: string;
  /**
   * Teachers checking a passage may see where it sits in the source file and the whole date note;
   * students never do.
   */
  showLocator?: boolean;
};

/**
 * Each cited passage as a blockquote, with the source's title, publisher and date in words (and,
 * for teachers, its locator and how the date was worked out).
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

/**
 * The date part of a source's `publishedLabel`. The knowledge base writes the date and then how it
 * was worked out ("mid-to-late 2024: written after the Russian announcement of 4 June 2024 and
 * …"), up to 60 words under every passage; a reader of the feedback needs the date, a teacher
 * checking the source the reasoning too. Cut at the first colon or semicolon, first letter up.
 */
export const shortDateLabel = (label: string): string => {
  const head = label.split(/[:;]/, 1)[0]?.trim() ?? '';
  const date = head === '' ? label.trim() : head;
  return date.charAt(0).toUpperCase() + date.slice(1);
};

/**
 * A passage as it sits inside the blockquote's own quotation marks. A passage that is itself one
 * whole quotation ("“the regime is incapable of covering these high costs.”") showed two pairs of
 * marks; its own outer pair goes, and a comma left before the closing mark with it.
 */
export const bareQuote = (text: string): string => {
  const m = /^["“](.*?)[,]?["”]$/s.exec(text.trim());
  return m?.[1] && !/["“”]/.test(m[1]) ? m[1] : text;
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
      <p>{bareQuote(citation.quote)}</p>
    </blockquote>
    <figcaption>
      <cite>{citation.source.title}</cite>
      <span>{citation.source.publisher}</span>
      {citation.source.publishedLabel ? (
        <span>
          {showLocator
            ? citation.source.publishedLabel
            : shortDateLabel(citation.source.publishedLabel)}
        </span>
      ) : null}
      {showLocator && citation.locator ? (
        <span className="citation__locator">
          <span className="visually-hidden">Location in the source: </span>
          {citation.locator}
        </span>
      ) : null}
    </figcaption>
  </figure>
);
