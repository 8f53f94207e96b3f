'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { Icon } from '@/components/icon';

type ErrorPageProps = { error: unknown; retry?: () => void; reset?: () => void };

const ErrorPage = ({ error, retry, reset }: ErrorPageProps) => {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const again = retry ?? reset;
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon">
        <Icon name="warning" size={32} />
      </span>
      <h1>Something went wrong</h1>
      <p>This page could not be shown. It is probably temporary: try again in a moment.</p>
      <div className="row" style={{ justifyContent: 'center' }}>
        {again ? (
          <button type="button" className="button" onClick={() => again()}>
            Try again
          </button>
        ) : null}
        <Link prefetch={false} className="button button--secondary" href="/">
          Go to the home page
        </Link>
      </div>
    </div>
  );
};

export default ErrorPage;
