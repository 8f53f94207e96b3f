type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
};

/** The "load more" button of an infinite query, and a message when the next page fails. */
export const LoadMore = ({
  pages,
  label,
  failure,
}: {
  pages: Pages;
  label: string;
  /** Said when the next page could not be loaded (the button stays, to try again). */
  failure: string;
}) => (
  <>
    {pages.hasNextPage ? (
      <button
        type="button"
        className="button button--secondary"
        onClick={() => pages.fetchNextPage()}
        disabled={pages.isFetchingNextPage}
      >
        {pages.isFetchingNextPage ? 'Loading…' : label}
      </button>
    ) : null}
    {pages.isFetchNextPageError ? (
      <p className="field__error" role="alert">
        {failure}
      </p>
    ) : null}
  </>
);
