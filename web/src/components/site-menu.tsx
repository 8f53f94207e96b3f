'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SiteNav } from './site-nav';

type NavItem = { href: string; label: string; prefetch: boolean };

/**
 * The navigation and the account links. Wide screens show them inline; on a phone the header is
 * one row (brand and a "Menu" button) and they open below it. Escape or a new page closes it.
 */
export const SiteMenu = ({
  items,
  children,
}: {
  items: readonly NavItem[];
  children: ReactNode;
}) => {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes it wherever focus is (the toggle or a link), and focus returns to the toggle.
  useEffect(() => {
    if (!open) {
      return;
    }
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="site-menu__toggle button button--secondary button--small"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((value) => !value)}
      >
        {open ? 'Close' : 'Menu'}
      </button>
      <div id="site-menu" className="site-menu" data-open={open ? '' : undefined}>
        <SiteNav items={items} />
        <div className="account">{children}</div>
      </div>
    </>
  );
};
