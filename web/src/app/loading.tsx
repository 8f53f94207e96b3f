const Loading = () => (
  <div className="stack" aria-busy="true">
    <span className="visually-hidden" role="status">
      Loading…
    </span>
    <span className="skeleton skeleton--title" aria-hidden="true" />
    <span className="skeleton" aria-hidden="true" />
    <span className="skeleton" aria-hidden="true" style={{ inlineSize: '80%' }} />
    <span className="skeleton skeleton--block" aria-hidden="true" />
  </div>
);

export default Loading;
