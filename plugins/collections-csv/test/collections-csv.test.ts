import { parseCsv } from '@revcycle/core';
import { runCollectionsExporterContract, samplePlacements } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { csvCollectionsExporter, PLACEMENT_COLUMNS } from '../src/index.ts';
import { csvField } from '../src/csv-fields.ts';

const decoder = new TextDecoder();

runCollectionsExporterContract('collections-csv', () => csvCollectionsExporter(), {
  readText: (bytes) => decoder.decode(bytes),
  sampleUpdateFile: () => ({
    name: 'acme-2026-12-05.csv',
    content:
      'placement_id,type,date,amount,commission,note\r\nplc_contract_1,PAYMENT,2026-12-04,100.00,25.00,\r\nplc_contract_1,DISPUTE,2026-12-05,,,"says the ""lab fee"" was billed twice"\r\nplc_contract_2,RETURN,2026-12-05,,,skip-traced: no address\r\n',
  }),
  malformedUpdateFile: () => ({
    name: 'bad.csv',
    content:
      'placement_id,type,date,amount,commission,note\nplc_contract_1,PAYMENT,2026-12-04,100.00,25.00,\nplc_contract_1,PAYMENT,2026-12-04,12.345,,\n',
  }),
});

describe('the CSV placement file', () => {
  it('has the documented columns, one row per account, amounts in dollars and cents', async () => {
    const [file] = await csvCollectionsExporter().exportPlacements(samplePlacements(), {
      agencyName: 'Acme Recovery, LLC',
      batchDate: '2026-11-27',
    });
    expect(file!.fileName).toBe('placements-acme-recovery-llc-2026-11-27.csv');
    const rows = parseCsv(decoder.decode(file!.bytes)).map((r) => r.fields);
    expect(rows[0]).toEqual([...PLACEMENT_COLUMNS]);
    const row = Object.fromEntries(PLACEMENT_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      placement_id: 'plc_contract_1',
      balance: '1234.56',
      itemization_balance: '1334.56',
      payments: '100.00',
      dates_of_service: '2026-06-01;2026-06-15',
      credit_reporting: 'DO_NOT_REPORT',
    });
    expect(rows).toHaveLength(3);
  });

  it('reads amounts exactly and refuses what is not an amount, naming line and column', async () => {
    const e = csvCollectionsExporter();
    const [u] = await e.parseUpdates({
      name: 'x.csv',
      content: 'placement_id,type,date,amount,commission,note\nplc_1,payment,2026-12-04,0.10,0.03,\n',
    });
    expect(u).toEqual({
      kind: 'PAYMENT',
      placementId: 'plc_1',
      date: '2026-12-04',
      amountCents: 10,
      commissionCents: 3,
      line: 2,
    });
    await expect(
      e.parseUpdates({
        name: 'x.csv',
        content: 'placement_id,type,date,amount,commission,note\nplc_1,PAYMENT,2026-12-04,10.00,12.00,\n',
      }),
    ).rejects.toThrow('line 2, commission: "12.00" is not an amount up to the payment');
    await expect(e.parseUpdates({ name: 'x.csv', content: 'id,kind\n' })).rejects.toThrow(
      'line 1: the header must be placement_id,type,date,amount,commission,note',
    );
  });
});

describe('csvField', () => {
  it.each([
    ['-12.34', '-12.34'],
    ['+5', '+5'],
    ['-2+3', `"'-2+3"`],
    ['=1+1', `"'=1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ["O'Brien, Ann", '"O\'Brien, Ann"'],
    ['say "hi"', '"say ""hi"""'],
    [null, ''],
    [undefined, ''],
    [0, '0'],
  ])('writes %j as %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});
