'use client';

type GlobalErrorProps = { error: unknown; retry?: () => void; reset?: () => void };

// Replaces the root layout when it fails, so it brings its own <html> and minimal styles.
const GlobalError = ({ retry, reset }: GlobalErrorProps) => {
  const again = retry ?? reset;
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', color: '#1b1f24' }}>
        <main>
          <h1>Something went wrong</h1>
          <p>The quiz could not be shown. Try again in a moment.</p>
          {again ? (
            <button type="button" onClick={() => again()}>
              Try again
            </button>
          ) : null}{' '}
          <a href="/">Home page</a>
        </main>
      </body>
    </html>
  );
};

export default GlobalError;
