import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { ViewerDocument, viewerKeys } from '@/features/viewer/queries';
import { Providers } from '@/lib/graphql/provider';
import { getQueryClient, tryServerRequest } from '@/lib/graphql/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Iran–Syria Relations Quiz', template: '%s · Iran–Syria Relations Quiz' },
  description: 'Cited quizzes on the history of Iran–Syria relations, 1946–2025.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b5c7a',
};

const RootLayout = async ({ children }: { children: ReactNode }) => {
  // The header needs to know who is signed in; an unreachable API just means "signed out".
  const queryClient = getQueryClient();
  const data = await tryServerRequest(ViewerDocument);
  if (data) {
    queryClient.setQueryData(viewerKeys.current(), data);
  }
  return (
    <html lang="en" dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <SiteHeader viewer={data?.viewer ?? null} />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            <footer className="site-footer">
              <div className="site-footer__inner">
                <p>
                  Every question is generated from a cited knowledge base of five source documents.
                  Disputed facts are marked, and claims name who makes them.
                </p>
              </div>
            </footer>
          </HydrationBoundary>
        </Providers>
      </body>
    </html>
  );
};

export default RootLayout;
