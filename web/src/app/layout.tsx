import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/lib/graphql/provider';
import './globals.css';

export const metadata: Metadata = {
  title: 'Iran–Syria Relations Quiz',
  description: 'Cited quizzes on the history of Iran–Syria relations, 1946–2025.',
};

const RootLayout = ({ children }: { children: ReactNode }) => (
  <html lang="en">
    <body>
      <Providers>{children}</Providers>
    </body>
  </html>
);

export default RootLayout;
