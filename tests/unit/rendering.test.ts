import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '@/web/json-ld';
import { renderPoster, wrapTitle } from '@/lib/poster';
import { formatCents, formatRuntime } from '@/lib/format';

describe('rendering helpers', () => {
  it('keeps JSON-LD from closing its script element', () => {
    const out = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>' });
  });

  it('escapes titles in generated posters', () => {
    const svg = renderPoster({ title: 'Tom & <Jerry>', director: "O'Brien", year: 2025, palette: ['#111111', '#222222'] });
    expect(svg).toContain('TOM &amp;');
    expect(svg).toContain('&lt;JERRY&gt;');
    expect(svg).not.toContain('<Jerry>');
    expect(wrapTitle('ONE BATTLE AFTER ANOTHER', 10)).toEqual(['ONE BATTLE', 'AFTER', 'ANOTHER']);
  });

  it('formats prices and running times', () => {
    expect(formatCents(1800, 'CAD')).toBe('$18');
    expect(formatCents(1250, 'CAD')).toBe('$12.50');
    expect(formatRuntime(84)).toBe('1 h 24 min');
    expect(formatRuntime(120)).toBe('2 h');
    expect(formatRuntime(null)).toBeNull();
  });
});
