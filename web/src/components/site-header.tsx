import Link from 'next/link';
import type { ViewerQuery } from '@/gql/graphql';
import { SignOutButton } from './sign-out-button';
import { SiteMenu } from './site-menu';

type SiteHeaderProps = { viewer: ViewerQuery['viewer'] | null };

export const SiteHeader = ({ viewer }: SiteHeaderProps) => {
  const isTeacher = viewer?.user.role === 'TEACHER' || viewer?.user.role === 'ADMIN';
  // Every route reads the session cookie, so each is rendered per request and a prefetch gets
  // nothing usable but its loading.tsx: only Timeline and Teach have one. The others' prefetches
  // were two server renders per link (route tree, then segment) on every page load, for nothing.
  const items = [
    { href: '/', label: 'Play', prefetch: false },
    { href: '/timeline', label: 'Timeline', prefetch: true },
    { href: '/leaderboard', label: 'Leaderboard', prefetch: false },
    ...(viewer && !viewer.user.isGuest
      ? [{ href: '/history', label: 'My attempts', prefetch: false }]
      : []),
    ...(isTeacher ? [{ href: '/teacher', label: 'Teach', prefetch: true }] : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" prefetch={false}>
          <span className="brand__mark" aria-hidden="true">
            IS
          </span>
          <span>Iran–Syria Quiz</span>
        </Link>
        <SiteMenu items={items}>
          {viewer ? (
            <>
              <span>
                <span className="visually-hidden">Signed in as </span>
                <strong>{viewer.user.displayName}</strong>
                {viewer.user.isGuest ? <span className="muted"> (guest)</span> : null}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" prefetch={false}>
                Sign in
              </Link>
              <Link href="/sign-up" className="button button--small" prefetch={false}>
                Sign up
              </Link>
            </>
          )}
        </SiteMenu>
      </div>
    </header>
  );
};
