import type { Appeal, Claim, ClaimLine, Coverage, Denial, Patient, Payer, Practice } from '../db/prisma-client.ts';
import type { LetterDocument } from '../plugins/contracts.ts';
import { carcMeaning, rarcMeaning } from './code-meanings.ts';

const LEVEL_TITLES = {
  RECONSIDERATION: 'Request for reconsideration',
  FIRST_LEVEL: 'First-level appeal',
  SECOND_LEVEL: 'Second-level appeal',
  EXTERNAL_REVIEW: 'Request for external review',
} as const;

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export interface AppealLetterInput {
  appeal: Pick<Appeal, 'level' | 'argument' | 'deadlineDate'> & {
    attachments: Array<{ name: string; reference: string }>;
  };
  denial: Denial;
  claim: Claim & { lines: ClaimLine[]; coverage: Coverage };
  patient: Patient;
  payer: Payer;
  practice: Practice;
  date: string;
  signedBy: string;
}

/**
 * The appeal letter, worded from the claim, the denial codes (with their meaning) and the practice's argument; a
 * document renderer lays it out. The denied lines are listed with their charges.
 */
export function appealLetter(input: AppealLetterInput): LetterDocument {
  const { appeal, denial, claim, patient, payer, practice } = input;
  const codes = denial.reasonCodes.split(',').filter((c) => c && c !== 'UNDERPAID');
  const remarks = denial.remarkCodes?.split(',').filter(Boolean) ?? [];
  const lines = denial.claimLineId ? claim.lines.filter((l) => l.id === denial.claimLineId) : claim.lines;
  const dates = [...new Set(lines.map((l) => l.serviceDate))].sort();
  const why =
    denial.kind === 'UNDERPAID'
      ? `The claim was paid below our contracted rate: the contract allows ${dollars(denial.expectedCents ?? 0)}, and ${dollars((denial.expectedCents ?? 0) - denial.amountAtStakeCents)} was allowed.`
      : `The claim was denied with ${codes.map((c) => `${c} (${carcMeaning(c) ?? 'see the remittance'})`).join('; ')}${remarks.length ? `, remarks ${remarks.map((r) => `${r}${rarcMeaning(r) ? ` (${rarcMeaning(r)})` : ''}`).join('; ')}` : ''}.`;
  return {
    kind: 'appeal-letter',
    title: `${LEVEL_TITLES[appeal.level]}: claim ${claim.payerClaimControlNumber ?? claim.patientControlNumber}`,
    from: {
      name: practice.name,
      lines: [
        practice.addressLine1,
        ...(practice.addressLine2 ? [practice.addressLine2] : []),
        `${practice.city}, ${practice.state} ${practice.postalCode}`,
        `NPI ${practice.npi} · Tax ID ${practice.taxId}`,
        ...(practice.phone ? [`Phone ${practice.phone}`] : []),
      ],
    },
    to: { name: payer.name, lines: ['Appeals Department', `Payer ID ${payer.payerIdentifier}`] },
    date: input.date,
    references: [
      { label: 'Patient', value: `${patient.lastName}, ${patient.firstName} (DOB ${patient.dateOfBirth})` },
      { label: 'Member ID', value: claim.coverage.memberId },
      { label: 'Payer claim number', value: claim.payerClaimControlNumber ?? 'not assigned' },
      { label: 'Our claim number', value: claim.patientControlNumber },
      { label: 'Date(s) of service', value: dates.join(', ') },
      { label: 'Amount in dispute', value: dollars(denial.amountAtStakeCents) },
      { label: 'Appeal deadline', value: appeal.deadlineDate },
    ],
    salutation: 'To the appeals reviewer:',
    paragraphs: [
      `${practice.name} requests a ${LEVEL_TITLES[appeal.level].toLowerCase().replace(/^request for /, '')} of the claim below. ${why}`,
      ...appeal.argument
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean),
      `We ask that the claim be reprocessed and paid${denial.kind === 'UNDERPAID' ? ' at the contracted rate' : ''}. Please contact our billing office with any question.`,
    ],
    table: {
      columns: ['Line', 'Procedure', 'Date', 'Charge'],
      rows: lines.map((l) => [
        String(l.lineNumber),
        l.procedureCode
          ? [l.procedureCode, l.modifier1, l.modifier2].filter(Boolean).join('-')
          : `rev. ${l.revenueCode}`,
        l.serviceDate,
        dollars(l.chargeCents),
      ]),
    },
    closing: 'Sincerely,',
    signature: [input.signedBy, practice.name],
    enclosures: appeal.attachments.map((a) => a.name),
  };
}
