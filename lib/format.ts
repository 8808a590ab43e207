export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-CA', { style: 'currency', currency, minimumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);
}

export function formatRuntime(minutes: number | null): string | null {
  if (!minutes) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m ? `${m} min` : ''}`.trim() : `${m} min`;
}

export const PREMIERE_LABEL: Record<string, string | null> = {
  world: 'World premiere',
  international: 'International premiere',
  north_american: 'North American premiere',
  canadian: 'Canadian premiere',
  regional: 'BC premiere',
  none: null,
};

export const AGE_LABEL: Record<string, string> = {
  all_ages: 'All ages',
  '13_plus': '13+',
  '16_plus': '16+',
  '18_plus': '18+ (no minors admitted)',
};

export const CREDIT_LABEL: Record<string, string> = {
  director: 'Director',
  producer: 'Producer',
  screenwriter: 'Screenwriter',
  cinematography: 'Cinematography',
  editor: 'Editor',
  production_design: 'Production Design',
  original_music: 'Original Music',
};

export function listToText(items: string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);
}
