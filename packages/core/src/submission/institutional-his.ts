import { centsToDecimal, toX12Date } from '@revcycle/x12';
import type { HealthCareCode } from '@revcycle/x12';
import type { EncounterCode, EncounterCodeKind } from '../db/prisma-client.ts';

type Diagnosis = { code: string; sequence: number };

/** The HI qualifier of each kind of code. */
const QUALIFIERS: Record<EncounterCodeKind, string> = {
  ADMITTING_DIAGNOSIS: 'ABJ',
  REASON_FOR_VISIT: 'APR',
  PRINCIPAL_PROCEDURE: 'BBR',
  OTHER_PROCEDURE: 'BBQ',
  OCCURRENCE: 'BH',
  VALUE: 'BE',
  CONDITION: 'BG',
};

function composite(row: EncounterCode): HealthCareCode {
  const qualifier = QUALIFIERS[row.kind];
  // HI0x-3/-4 carry a date (D8), HI0x-5 an amount: value codes leave the date elements empty.
  if (row.date) return { qualifier, code: row.code, rest: ['D8', toX12Date(row.date)] };
  if (row.amountCents !== null) return { qualifier, code: row.code, rest: ['', '', centsToDecimal(row.amountCents)] };
  return { qualifier, code: row.code, rest: [] };
}

/** `items` in HIs of at most 12 composites: a list the guide lets repeat in a second HI. */
function inTwelves(items: HealthCareCode[]): HealthCareCode[][] {
  const his: HealthCareCode[][] = [];
  for (let i = 0; i < items.length; i += 12) his.push(items.slice(i, i + 12));
  return his;
}

/**
 * The 837I's HI segments in the guide's order, each kind of code in its own HI: principal diagnosis (ABK),
 * admitting diagnosis (ABJ), reasons for visit (APR), other diagnoses (ABF, 12 an HI), principal procedure (BBR),
 * other procedures (BBQ), occurrence (BH), value (BE) and condition (BG) codes.
 */
export function institutionalHealthCareCodes(diagnoses: Diagnosis[], codes: EncounterCode[]): HealthCareCode[][] {
  const [principal, ...others] = [...diagnoses].sort((a, b) => a.sequence - b.sequence);
  if (!principal) return [];
  const of = (kind: EncounterCodeKind) =>
    codes
      .filter((c) => c.kind === kind)
      .sort((a, b) => a.sequence - b.sequence)
      .map(composite);
  const single = (kind: EncounterCodeKind) => {
    const list = of(kind);
    return list.length > 0 ? [list] : [];
  };
  return [
    [{ qualifier: 'ABK', code: principal.code, rest: [] }],
    ...single('ADMITTING_DIAGNOSIS'),
    ...single('REASON_FOR_VISIT'),
    ...inTwelves(others.map((d) => ({ qualifier: 'ABF', code: d.code, rest: [] }))),
    ...single('PRINCIPAL_PROCEDURE'),
    ...inTwelves(of('OTHER_PROCEDURE')),
    ...inTwelves(of('OCCURRENCE')),
    ...inTwelves(of('VALUE')),
    ...inTwelves(of('CONDITION')),
  ];
}
