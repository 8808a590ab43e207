'use client';

import Link from 'next/link';

/** Shown instead of a stack trace when a page fails; the digest lets staff find the server log line. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-2">We could not load this page. Please try again in a moment.</p>
      {error.digest ? <p className="mt-1 text-sm text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-4 flex gap-4">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="py-2 underline">
          Back to the programme
        </Link>
      </div>
    </div>
  );
}
