import type { ReactNode } from 'react';

const TONES = {
  neutral: 'bg-stone-200 text-stone-900',
  good: 'bg-emerald-100 text-emerald-900',
  warn: 'bg-amber-100 text-amber-900',
  bad: 'bg-rose-100 text-rose-900',
  info: 'bg-sky-100 text-sky-900',
} as const;

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ${TONES[tone]}`}>{children}</span>;
}
