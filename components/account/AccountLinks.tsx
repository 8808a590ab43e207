'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

type Me = { name: string; boxOffice: boolean; partner: boolean } | null;

const LINK = 'inline-block py-2 underline-offset-4 hover:underline';

/**
 * The header's signed-in part. Every page shares one header and the public pages are cached for everyone alike, so
 * who is signed in comes from GET /api/v1/me (the caller's own answer, never stored), asked again after each
 * navigation (a sign-in or sign-out changes it). Until it answers, and without JavaScript, the link goes to the
 * account page, which sends anyone not signed in to sign in. None of these pages is prefetched: each is rendered for its
 * person, and a prefetch on every visit to a cached page would cost a render each.
 */
export function AccountLinks() {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const ask = () =>
      fetch('/api/v1/me', { cache: 'no-store', headers: { accept: 'application/json' } })
        .then((res) => (res.ok ? (res.json() as Promise<{ user?: Me }>) : undefined))
        .then((body) => {
          if (current && body) setMe(body.user ?? null);
        })
        .catch(() => undefined);
    void ask();
    // A page the browser restores from its back/forward cache runs no effect again: after a sign-out, Back would
    // otherwise show the old name.
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) void ask();
    };
    window.addEventListener('pageshow', restored);
    return () => {
      current = false;
      window.removeEventListener('pageshow', restored);
    };
  }, [pathname]);

  if (me === null) {
    return (
      <li>
        <Link href="/signin" prefetch={false} className={`${LINK} text-accent`}>
          Sign in
        </Link>
      </li>
    );
  }
  return (
    <>
      {me?.boxOffice ? (
        <li>
          <Link href="/box-office" prefetch={false} className={LINK}>
            Box office
          </Link>
        </li>
      ) : null}
      {me?.partner ? (
        <li>
          <Link href="/partner" prefetch={false} className={LINK}>
            Partner portal
          </Link>
        </li>
      ) : null}
      <li>
        <Link href="/account" prefetch={false} className={`${LINK} text-accent`}>
          {me ? (
            <>
              Your account <span className="font-normal">({me.name})</span>
            </>
          ) : (
            'Account'
          )}
        </Link>
      </li>
    </>
  );
}
