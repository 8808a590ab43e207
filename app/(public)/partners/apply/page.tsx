import type { Metadata } from 'next';
import Link from 'next/link';
import { applyAsPartnerAction } from './actions';
import { accessSchemePath } from '@/domain/catalogue/access-schemes';
import { Field, Flash, inputClass, SubmitButton } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = {
  title: 'Become a community partner',
  description: 'Community organisations apply here to receive Community Access places and donated tickets for the people they serve.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The public application of a community organisation: it waits for staff to verify it (/box-office/partners). */
export default async function PartnerApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const applied = query.done === 'applied';
  return (
    <Container>
      <PageHeading lead="Community Access tickets reach people through the organisations that already know and support them. If you work with people for whom a ticket is out of reach, we would love to hear from you.">
        Become a community partner
      </PageHeading>
      <Flash query={query} done={{ applied: 'Thank you. Your application is with our box office team; we will email your contact within a few days.' }} />
      {applied ? (
        <p>
          <Link href={accessSchemePath('community_access')} className="underline">
            Back to Community Access
          </Link>
        </p>
      ) : (
        <form action={applyAsPartnerAction} className="max-w-xl space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">Your organisation</h2>
          <Field id="apply-name" label="Organisation name">
            <input id="apply-name" name="name" required minLength={2} maxLength={160} autoComplete="organization" className={inputClass} />
          </Field>
          <Field id="apply-serves" label="Who you work with" hint="A sentence or two, in your own words. We never ask about anyone’s circumstances.">
            <textarea id="apply-serves" name="serves" required minLength={10} maxLength={2000} rows={4} aria-describedby="apply-serves-hint" className={inputClass} />
          </Field>
          <Field id="apply-website" label="Website (optional)">
            <input id="apply-website" name="website" type="url" maxLength={300} placeholder="https://" autoComplete="url" className={inputClass} />
          </Field>
          <h2 className="pt-2 font-serif text-xl font-bold">Who we should contact</h2>
          <Field id="apply-contact-name" label="Name">
            <input id="apply-contact-name" name="contactName" required maxLength={120} autoComplete="name" className={inputClass} />
          </Field>
          <Field id="apply-contact-email" label="Email" hint="Once we verify your organisation, we invite this address to the partner portal.">
            <input id="apply-contact-email" name="contactEmail" type="email" required maxLength={254} autoComplete="email" aria-describedby="apply-contact-email-hint" className={inputClass} />
          </Field>
          <SubmitButton>Send our application</SubmitButton>
        </form>
      )}
    </Container>
  );
}
