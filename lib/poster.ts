/**
 * Typographic poster and still art, generated locally (no network, no
 * hot-linking): a two-colour field with the title set large.
 */

export interface PosterInput {
  title: string;
  director: string;
  year: number;
  palette: [string, string];
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Greedy word wrap to at most `width` characters per line. */
export function wrapTitle(title: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function seedFrom(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function renderPoster({ title, director, year, palette }: PosterInput): string {
  const [a, b] = palette;
  const lines = wrapTitle(title.toUpperCase(), 10);
  // Bold serif capitals are about 0.75 em wide: the longest line must fit the 520 px measure.
  const longest = Math.max(...lines.map((l) => l.length));
  const size = Math.min(lines.length > 3 ? 64 : 84, Math.floor(520 / (longest * 0.75)));
  const seed = seedFrom(title);
  const cx = 120 + (seed % 360);
  const cy = 220 + ((seed >> 8) % 300);
  const text = lines
    .map((l, i) => `<text x="40" y="${560 + (i - lines.length + 1) * size * 0.95}" font-size="${size}">${escapeXml(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 900" role="img" aria-label="${escapeXml(`Poster for ${title}`)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
<rect width="600" height="900" fill="url(#g)"/>
<circle cx="${cx}" cy="${cy}" r="${140 + (seed % 90)}" fill="#ffffff" opacity="0.08"/>
<circle cx="${600 - cx / 2}" cy="${cy + 200}" r="${60 + (seed % 50)}" fill="#000000" opacity="0.12"/>
<g font-family="Georgia, 'DejaVu Serif', serif" font-weight="700" fill="#ffffff">${text}</g>
<rect x="40" y="610" width="80" height="6" fill="#ffffff"/>
<g font-family="'DejaVu Sans', Arial, sans-serif" fill="#ffffff">
<text x="40" y="670" font-size="28">A FILM BY ${escapeXml(director.toUpperCase())}</text>
<text x="40" y="840" font-size="24" opacity="0.85">${year} · HARBOURFRONT FILM FESTIVAL</text>
</g>
</svg>
`;
}

export function renderStill({ title, palette }: Pick<PosterInput, 'title' | 'palette'>): string {
  const [a, b] = palette;
  const seed = seedFrom(title);
  const bands = Array.from({ length: 6 }, (_, i) => {
    const y = 60 + i * 90 + ((seed >> i) % 40);
    return `<rect x="0" y="${y}" width="1600" height="${20 + ((seed >> (i + 3)) % 30)}" fill="#ffffff" opacity="${0.04 + (i % 3) * 0.03}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900" role="img" aria-label="${escapeXml(`Still artwork for ${title}`)}">
<defs><linearGradient id="g" x1="0" y1="1" x2="1" y2="0"><stop offset="0" stop-color="${b}"/><stop offset="1" stop-color="${a}"/></linearGradient></defs>
<rect width="1600" height="900" fill="url(#g)"/>${bands}
<text x="80" y="820" font-family="Georgia, 'DejaVu Serif', serif" font-size="96" font-weight="700" fill="#ffffff" opacity="0.9">${escapeXml(title)}</text>
</svg>
`;
}
