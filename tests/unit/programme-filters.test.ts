import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseProgrammeFilters, parseProgrammeFiltersLenient } from '@/domain/catalogue/programme-filters';

describe('programme filters', () => {
  it('accepts well-formed filters from a query string', () => {
    const parsed = parseProgrammeFilters(new URLSearchParams('day=2026-11-25&section=panorama&feature=asl&q=%20moss%20&country=Belgium'));
    expect(parsed.success && parsed.data).toEqual({ day: '2026-11-25', section: 'panorama', feature: 'asl', q: 'moss', country: 'Belgium' });
  });

  it('rejects malformed values with a message per field', () => {
    const parsed = parseProgrammeFilters(new URLSearchParams('day=2026-13-01&feature=loud&section=Bad Slug'));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['day', 'feature', 'section']);
  });

  it('drops only the bad values for pages, and says which', () => {
    const { filters, invalid } = parseProgrammeFiltersLenient({ day: 'tomorrow', venue: 'lumen-cinema', q: '' });
    expect(filters).toEqual({ venue: 'lumen-cinema' });
    expect(invalid).toEqual(['day']);
  });

  it('builds URLs that keep the other filters', () => {
    expect(filtersToQuery({ section: 'panorama', q: 'moss' }, { day: '2026-11-25' })).toBe('?day=2026-11-25&section=panorama&q=moss');
    expect(filtersToQuery({ day: '2026-11-25' }, { day: undefined })).toBe('');
  });
});
