import { text } from './form-layout.ts';
import type { FormLayout } from './form-layout.ts';

/** Payer rows A, B, C: FL50–FL54 on lines 49–51, FL58–FL62 on 53–55, FL63 on 57–59. */
function payerRows(): FormLayout['fields'] {
  const fields: FormLayout['fields'] = {};
  for (const [i, row] of ['A', 'B', 'C'].entries()) {
    fields[`FL50${row}`] = text(`50${row} PAYER NAME`, 49 + i, 1, 23);
    fields[`FL51${row}`] = text(`51${row} HEALTH PLAN ID`, 49 + i, 25, 15);
    fields[`FL52${row}`] = text(`52${row} REL INFO`, 49 + i, 41, 1);
    fields[`FL53${row}`] = text(`53${row} ASG BEN`, 49 + i, 43, 1);
    fields[`FL54${row}`] = text(`54${row} PRIOR PAYMENTS`, 49 + i, 54, 10, { align: 'right' });
    fields[`FL58${row}`] = text(`58${row} INSURED'S NAME`, 53 + i, 1, 25);
    fields[`FL59${row}`] = text(`59${row} P.REL`, 53 + i, 27, 2);
    fields[`FL60${row}`] = text(`60${row} INSURED'S UNIQUE ID`, 53 + i, 30, 20);
    fields[`FL62${row}`] = text(`62${row} INSURANCE GROUP NO.`, 53 + i, 66, 17);
    fields[`FL63${row}`] = text(`63${row} TREATMENT AUTHORIZATION`, 57 + i, 1, 30);
  }
  return fields;
}

/** FL67 (principal) and FL67A–H (other diagnoses) across line 61, eight characters each. */
function diagnoses(): FormLayout['fields'] {
  const fields: FormLayout['fields'] = { FL67: text('67 PRIN DX', 61, 3, 8) };
  for (const [i, letter] of [...'ABCDEFGH'].entries()) fields[`FL67${letter}`] = text(`67${letter}`, 61, 12 + i * 9, 8);
  return fields;
}

/**
 * The UB-04 (CMS-1450) on its 10-pitch, 6-lines-an-inch grid, its first line a sixth of an inch below the
 * page's top (what printers can reach): provider, control numbers, type of bill and statement period on lines 2–5,
 * patient and admission on 6–9, 22 service lines from line 25 with the page and totals on line 47 (the form's
 * line 23), payers and insureds on 49–59, diagnoses on 61, the attending provider on 64–65.
 */
export const UB04_LAYOUT: FormLayout = {
  title: { text: 'UB-04 (CMS-1450)', row: 23, col: 2 },
  fields: {
    FL1: text('1 BILLING PROVIDER', 2, 1, 25, { lines: 4 }),
    FL3a: text('3a PAT. CNTL #', 2, 55, 24),
    FL3b: text('3b MED. REC. #', 3, 55, 24),
    FL4: text('4 TYPE OF BILL', 3, 80, 4),
    FL5: text('5 FED. TAX NO.', 5, 53, 10),
    'FL6.from': text('6 FROM', 5, 64, 6),
    'FL6.through': text('6 THROUGH', 5, 71, 6),
    FL8b: text('8b PATIENT NAME', 7, 1, 28),
    FL9a: text('9a PATIENT ADDRESS', 6, 40, 40),
    FL9b: text('9b CITY', 7, 30, 30),
    FL9c: text('9c STATE', 7, 62, 2),
    FL9d: text('9d ZIP', 7, 66, 10),
    FL10: text('10 BIRTHDATE', 9, 1, 8),
    FL11: text('11 SEX', 9, 10, 1),
    FL12: text('12 ADMISSION DATE', 9, 13, 6),
    FL14: text('14 TYPE', 9, 21, 1),
    FL15: text('15 SRC', 9, 24, 1),
    FL17: text('17 STAT', 9, 29, 2),
    'FL42.total': text('42 (23)', 47, 1, 4),
    page: text('PAGE', 47, 10, 3),
    pages: text('OF', 47, 17, 3),
    'FL45.created': text('45 CREATION DATE', 47, 46, 6),
    'FL47.total': text('47 TOTALS', 47, 71, 10, { align: 'right' }),
    ...payerRows(),
    FL56: text('56 NPI', 48, 67, 10),
    FL66: text('66 DX', 61, 1, 1),
    ...diagnoses(),
    FL76: text('76 ATTENDING NPI', 64, 53, 11),
    'FL76.last': text('76 LAST', 65, 50, 18),
    'FL76.first': text('76 FIRST', 65, 70, 14),
    FL81a: text('81a QUAL', 64, 73, 2),
    'FL81a.code': text('81a CODE', 64, 76, 10),
  },
  firstLineRow: 25,
  lineStep: 1,
  linesPerForm: 22,
  lineFields: {
    FL42: { label: '42 REV. CD.', col: 1, width: 4 },
    FL43: { label: '43 DESCRIPTION', col: 6, width: 24 },
    FL44: { label: '44 HCPCS / RATE', col: 31, width: 14 },
    FL45: { label: '45 SERV. DATE', col: 46, width: 6 },
    FL46: { label: '46 SERV. UNITS', col: 60, width: 7, align: 'right' },
    FL47: { label: '47 TOTAL CHARGES', col: 71, width: 10, align: 'right' },
  },
};
