import { describe, expect, it } from 'vitest';
import { HCPCS_ALPHA_NUMERIC_FILE } from './hcpcs-alpha-numeric.ts';

/** A 320-column record with its fields at the CMS layout's columns (1-based). */
function record(fields: Record<number, string>): string {
  const columns = Array<string>(320).fill(' ');
  for (const [start, text] of Object.entries(fields))
    for (let i = 0; i < text.length; i++) columns[Number(start) - 1 + i] = text[i]!;
  return columns.join('');
}
const parse = (line: string, lineNumber = 7) => HCPCS_ALPHA_NUMERIC_FILE.parseLine(line, lineNumber);

describe('the HCPCS alpha-numeric record layout', () => {
  it('reads the fields at their columns, the date added being where the code starts', () => {
    const fields = { 1: 'J1885', 6: '00100', 11: '3', 12: 'Injection, ketorolac', 92: 'Ketorolac inj' };
    expect(parse(record({ ...fields, 269: '19940101', 277: '20060101', 293: 'N' }))).toMatchObject({
      code: 'J1885',
      shortDescription: 'Ketorolac inj',
      longDescription: 'Injection, ketorolac',
      effectiveDate: '1994-01-01',
      terminationDate: null,
    });
    expect(parse(record({ 1: 'J1885', 11: '3', 12: 'x', 277: '20060101', 285: '20251231' }))).toMatchObject({
      effectiveDate: '2006-01-01',
      terminationDate: '2025-12-31',
    });
  });

  it('gives continuation records as text for the code before, and refuses what is not a code', () => {
    expect(parse(record({ 1: 'LT', 11: '8', 12: 'body)' }))).toEqual({ continues: 'LT', text: 'body)' });
    expect(() => parse(record({ 1: 'J188', 11: '3', 12: 'x' }))).toThrow('line 7: "J188" is not a HCPCS code');
    expect(() => parse(record({ 1: 'LTX', 11: '7', 12: 'x' }))).toThrow('line 7: "LTX" is not a HCPCS modifier');
    expect(() => parse(record({ 1: 'J1885', 11: '3', 12: 'x', 285: '2025-12' }))).toThrow(
      'line 7: termination date (columns 285–292) "2025-12 " is not a date (CCYYMMDD)',
    );
  });

  it('reads a file that is not in the layout as the generic CSV', () => {
    expect(parse('code,description,effective,termination', 1)).toBeNull();
    expect(parse('G0008,Administration of influenza virus vaccine,2000-01-01,', 2)).toMatchObject({
      code: 'G0008',
      effectiveDate: '2000-01-01',
    });
  });
});
