import Link from 'next/link';
import type { ViewerQuery } from '@/gql/graphql';
import { SignOutButton } from './sign-out-button';
import { SiteMenu } from './site-menu';

type SiteHeaderProps = { viewer: ViewerQuery['viewer'] | null };

export const SiteHeader = ({ viewer }: SiteHeaderProps) => {
  const isTeacher = viewer?.user.role === 'TEACHER' || viewer?.user.role === 'ADMIN';
  const items = [
    { href: '/', label: 'Play' },
    { href: '/timeline', label: 'Timeline' },
    { href: '/leaderboard', label: 'Leaderboard' },
    ...(viewer && !viewer.user.isGuest ? [{ href: '/history', label: 'My attempts' }] : []),
    ...(isTeacher ? [{ href: '/teacher', label: 'Teach' }] : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
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
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up" className="button button--small">
                Sign up
              </Link>
            </>
          )}
        </SiteMenu>
      </div>
    </header>
  );
};
