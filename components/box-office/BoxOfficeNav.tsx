import Link from 'next/link';
import type { CurrentUser } from '@/web/auth/guards';
import { boxOfficeSections } from '@/web/box-office/sections';

export { boxOfficeSections };

export function BoxOfficeNav({ user, current }: { user: CurrentUser; current?: string }) {
  return (
    <nav aria-label="Box office" className="mb-6 flex flex-wrap gap-x-4 gap-y-2 border-b border-stone-300 pb-3 text-sm">
      <Link href="/box-office" className="font-semibold underline-offset-4 hover:underline" aria-current={current === '/box-office' ? 'page' : undefined}>
        Box office
      </Link>
      {boxOfficeSections(user).map((s) => (
        <Link key={s.href} href={s.href} className="underline-offset-4 hover:underline" aria-current={current === s.href ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
