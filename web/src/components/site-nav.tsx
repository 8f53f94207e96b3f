'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** `prefetch: false` for a route without a loading.tsx (see site-header.tsx). */
type NavItem = { href: string; label: string; prefetch: boolean };

const isCurrent = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

export const SiteNav = ({ items }: { items: readonly NavItem[] }) => {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              // null is Next's default (prefetch in the viewport); false turns it off.
              prefetch={item.prefetch ? null : false}
              aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};
