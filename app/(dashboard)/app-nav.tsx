'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { BrandLogo } from '../_components/brand-logo';
import { ThemeToggle, type ThemeChoice } from '../_components/theme-toggle';

const links = [
  { href: '/', label: 'Overview' },
  { href: '/databases', label: 'Databases' },
  { href: '/discovery', label: 'Discovery' },
  { href: '/findings', label: 'Findings' },
  { href: '/exceptions', label: 'Exceptions' },
  { href: '/compliance', label: 'Compliance' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/checks', label: 'Checks' },
  { href: '/settings', label: 'Settings' },
];

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppNav({ email, role, theme }: { email: string; role: string; theme: ThemeChoice }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  // Following a link closes the mobile menu; derived during render instead of in an effect.
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  return (
    <header className={`sidebar${open ? ' sidebar-open' : ''}`}>
      <div className="sidebar-top">
        <Link href="/" className="brand">
          <BrandLogo />
          Posture
        </Link>
        <button type="button" className="btn btn-ghost menu-toggle" aria-expanded={open} aria-controls="app-menu" onClick={() => setOpen((o) => !o)}>
          {open ? 'Close' : 'Menu'}
        </button>
      </div>
      <div className="sidebar-menu" id="app-menu">
        <nav aria-label="Main">
          <ul className="nav-list">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="nav-link" aria-current={isActive(pathname, l.href) ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-user">
          <div className="user-email" title={email}>
            {email}
          </div>
          <div className="user-role">
            <span className={`role-pill role-${role}`}>{role}</span>
          </div>
          <ThemeToggle initial={theme} />
          <button type="button" className="btn btn-block" onClick={() => void signOut({ callbackUrl: '/login' })}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
