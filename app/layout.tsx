import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentFestival } from '@/domain/catalogue/festival';
import { getEnv } from '@/platform/env';
import { formatIsoDateShort } from '@/lib/time';
import { AccountLinks } from '@/components/account/AccountLinks';
import { Container } from '@/components/ui/Container';
import './globals.css';

// Pages read PostgreSQL when they render, never at build time (the build has no database). The public ones are
// cached in front of Next instead (platform/server/page-cache.ts), which is why nothing here may depend on who asks:
// the signed-in part of the header is a client island (AccountLinks).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const festival = await getCurrentFestival();
  const name = festival?.name ?? 'Marquee';
  return {
    metadataBase: new URL(getEnv().PUBLIC_BASE_URL),
    title: { default: name, template: `%s · ${name}` },
    description: festival?.tagline ?? 'Film festival programme and tickets.',
    openGraph: { siteName: name, type: 'website', locale: 'en_CA' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9f1239' };

const NAV = [
  { href: '/', label: 'Programme' },
  { href: '/schedule', label: 'Schedule' },
  { href: '/venues', label: 'Venues' },
  { href: '/access', label: 'Access tickets' },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const festival = await getCurrentFestival();
  return (
    <html lang="en-CA">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-stone-300 bg-white">
          <Container className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <Link href="/" className="font-serif text-xl font-bold text-accent">
              {festival?.name ?? 'Marquee'}
              {festival ? (
                <span className="ml-2 block text-sm font-normal text-muted sm:inline">
                  {formatIsoDateShort(festival.startsOn)} – {formatIsoDateShort(festival.endsOn)}
                </span>
              ) : null}
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="inline-block py-2 underline-offset-4 hover:underline">
                      {item.label}
                    </Link>
                  </li>
                ))}
                <AccountLinks />
              </ul>
            </nav>
          </Container>
        </header>
        <main id="main" tabIndex={-1} className="pb-16 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-stone-300 bg-white py-6 text-sm text-muted">
          <Container>
            <p>
              {festival ? `${festival.name} · ${festival.edition}. ` : ''}All times are{' '}
              {festival ? `${festival.timeZone.replace('_', ' ')} time` : 'local time'}. Ticketing by Marquee.
            </p>
          </Container>
        </footer>
      </body>
    </html>
  );
}
