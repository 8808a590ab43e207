import { describe, expect, it } from 'vitest';
import { normaliseAccessCode } from '@/domain/partners/access-codes';
import { newAccessCode } from '@/platform/tokens';

describe('access codes', () => {
  it('are short, unambiguous and random', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newAccessCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('are read back as people type them: any case, spaces or no dash, O for 0 and I or L for 1', () => {
    expect(normaliseAccessCode('7k2qd mx94r')).toBe('7K2QD-MX94R');
    expect(normaliseAccessCode('7K2QDMX94R')).toBe('7K2QD-MX94R');
    expect(normaliseAccessCode(' 7k2qd-mx94r ')).toBe('7K2QD-MX94R');
    expect(normaliseAccessCode('O0IL1-ABCDE')).toBe('00111-ABCDE');
    expect(normaliseAccessCode('7K2QD-MX94')).toBeNull();
    expect(normaliseAccessCode('7K2QD-MX94U')).toBeNull();
    expect(normaliseAccessCode("'; DROP TABLE--")).toBeNull();
  });
});
