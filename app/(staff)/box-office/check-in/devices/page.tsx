import type { Metadata } from 'next';
import Link from 'next/link';
import { createDoorTokenAction, revokeDoorTokenAction } from './actions';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { NewTokenForm } from '@/components/check-in/NewTokenForm';
import { Flash } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listDoorTokens } from '@/domain/check-in/page-data';
import { formatDateTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Door devices', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** API tokens for door phones and scripts: made here, shown once, listed, revoked. */
export default async function DoorDevicesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('door.check_in');
  const festival = await requireCurrentFestival();
  const [tokens, query] = await Promise.all([listDoorTokens(user), searchParams]);
  return (
    <Container>
      <PageHeading lead="A door phone or a script can use the check-in API with a token of yours. It acts as you, with your permissions as they are now, until it expires or you revoke it.">
        Door devices and API tokens
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/check-in" />
      <p className="mb-4 text-sm">
        <Link href="/box-office/check-in" className="underline underline-offset-4">
          Back to check-in
        </Link>
      </p>
      <Flash query={query} done={{ revoked: 'Token revoked: it no longer works.' }} />
      <section aria-labelledby="new-heading" className="mb-8">
        <h2 id="new-heading" className="mb-3 font-serif text-2xl font-bold">
          New token
        </h2>
        <NewTokenForm action={createDoorTokenAction} />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="font-serif text-2xl font-bold">
          Your tokens ({tokens.length})
        </h2>
        {tokens.length === 0 ? <p className="mt-2 text-muted">You have no live tokens.</p> : null}
        <ul className="mt-3 space-y-3">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-300 bg-white p-4">
              <div>
                <p className="font-semibold">{t.label}</p>
                <p className="text-sm text-muted">
                  Created {formatDateTime(t.createdAt, festival.timeZone)} · expires {formatDateTime(t.expiresAt, festival.timeZone)} ·{' '}
                  {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt, festival.timeZone)}` : 'never used'}
                </p>
              </div>
              <form action={revokeDoorTokenAction}>
                <input type="hidden" name="tokenId" value={t.id} />
                <PendingButton label={`Revoke the token ${t.label}`} className="rounded-md border border-red-700 bg-white px-4 py-2 font-semibold text-red-800">
                  Revoke
                </PendingButton>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </Container>
  );
}
