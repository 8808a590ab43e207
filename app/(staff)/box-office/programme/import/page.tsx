import type { Metadata } from 'next';
import { importProgrammeAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { IMPORT_COLUMNS } from '@/domain/programme/import';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ImportForm } from '@/components/programme/ImportForm';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Import a programme', robots: { index: false } };

/** Bulk import of screenings (and new films) from CSV: preview with row errors, then all or nothing. */
export default async function ImportPage() {
  const user = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  return (
    <Container>
      <PageHeading lead={`One row per screening, times in festival time (${festival.timeZone}). The preview writes nothing; the import writes every row or none.`}>
        Import a programme
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/import" />
      <p className="mb-6">
        <a href="/box-office/programme/import/template.csv" download className="font-semibold underline">
          Download the template (CSV)
        </a>
      </p>
      <ImportForm action={importProgrammeAction} />
      <section aria-labelledby="columns-title" className="mt-10">
        <h2 id="columns-title" className="font-serif text-2xl font-bold">
          Columns
        </h2>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">The columns of a programme file</caption>
            <thead>
              <tr className="border-b border-stone-400">
                <th scope="col" className="px-2 py-2">Column</th>
                <th scope="col" className="px-2 py-2">Required</th>
                <th scope="col" className="px-2 py-2">What it holds</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_COLUMNS.map((c) => (
                <tr key={c.name} className="border-b border-stone-200">
                  <th scope="row" className="px-2 py-2 font-mono font-normal">{c.name}</th>
                  <td className="px-2 py-2">{c.required ? 'Yes' : 'No'}</td>
                  <td className="px-2 py-2">{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Container>
  );
}
