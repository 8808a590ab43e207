'use client';

import { useEffect } from 'react';

const pending = new Map<string, ReturnType<typeof setTimeout>>();

function release(holdId: string) {
  void fetch(`/api/v1/holds/${holdId}`, { method: 'DELETE', keepalive: true, credentials: 'same-origin' });
}

/**
 * Gives the seats back when the buyer leaves the checkout page (closes the
 * tab, or navigates elsewhere on the site), except when they leave to pay or
 * release on purpose. keepalive lets the request outlive the page. The server
 * only releases a hold that is not in payment, and only for the holder's cookie.
 */
export function ReleaseOnLeave({ holdId }: { holdId: string }) {
  useEffect(() => {
    // Development's StrictMode unmounts and mounts again at once: a remount cancels the release.
    clearTimeout(pending.get(holdId));
    let submitting = false;
    const onSubmit = () => {
      submitting = true;
    };
    const onPageHide = (event: PageTransitionEvent) => {
      if (!submitting && !event.persisted) release(holdId);
    };
    document.addEventListener('submit', onSubmit, true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('submit', onSubmit, true);
      window.removeEventListener('pagehide', onPageHide);
      // Unmounting without a submit is a client-side navigation away from checkout.
      if (!submitting) pending.set(holdId, setTimeout(() => release(holdId), 250));
    };
  }, [holdId]);
  return null;
}
