import type { ReactNode } from 'react';

export function Notice({ title, children, tone = 'info' }: { title: string; children: ReactNode; tone?: 'info' | 'warn' }) {
  const colours = tone === 'warn' ? 'border-amber-500 bg-amber-50' : 'border-sky-600 bg-sky-50';
  return (
    <div className={`rounded-md border-l-4 p-4 ${colours}`} role={tone === 'warn' ? 'alert' : 'status'}>
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-sm">{children}</div>
    </div>
  );
}
