import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { accessSchemeBySlug } from '@/domain/catalogue/access-schemes';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

type Params = Promise<{ scheme: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { scheme } = await params;
  return { title: accessSchemeBySlug(scheme)?.title ?? 'Not found' };
}

export default async function AccessSchemePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const page = accessSchemeBySlug((await params).scheme);
  if (!page) notFound();
  const filmParam = (await searchParams).film;
  const filmSlug = typeof filmParam === 'string' ? filmParam : undefined;
  const festival = await requireCurrentFestival();
  const film = filmSlug ? await getFilmBySlug(festival, filmSlug) : null;

  return (
    <Container>
      <PageHeading lead={page.lead}>{page.title}</PageHeading>
      <Notice title="Opens soon">
        {page.body} {film ? `Requests for ${film.title} open at the same time.` : ''}
      </Notice>
      <ul className="mt-6 space-y-2">
        {film ? (
          <li>
            <Link href={`/films/${film.slug}`} className="underline">
              Back to {film.title}
            </Link>
          </li>
        ) : null}
        <li>
          <Link href="/access" className="underline">
            All access schemes
          </Link>
        </li>
      </ul>
    </Container>
  );
}
