'use client';

/** Prints the page (the queue number slip); hidden on paper and without JavaScript, where the browser's own print remains. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded-md border border-stone-500 bg-white px-4 font-semibold print:hidden">
      {label}
    </button>
  );
}
