import { ClaimStatus } from '../../db/prisma-client.ts';
import { modifiersOf } from '../../claims/line-modifiers.ts';
import { builder } from '../builder.ts';
import type { ScrubFinding } from '../../claims/scrub/scrub-rule.ts';

export const ClaimStatusEnum = builder.enumType(ClaimStatus, {
  name: 'ClaimStatus',
  description:
    'DRAFT → READY (scrub passed) or SCRUB_FAILED → SUBMITTED → ACKNOWLEDGED (999) → ACCEPTED or REJECTED (277CA) → ' +
    'PAID, PARTIALLY_PAID or DENIED (remittance) → APPEALED → CLOSED; VOIDED ends a claim.',
});

export const ScrubFindingRef = builder.objectRef<ScrubFinding>('ScrubFinding').implement({
  description: 'One problem the scrubber found: fix it where `path` says, then scrub again.',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    severity: t.exposeString('severity', { description: 'ERROR blocks submission; WARNING does not.' }),
    path: t.stringList({ resolve: (f) => f.path.map(String) }),
    message: t.exposeString('message'),
  }),
});

export const ClaimStatusEventRef = builder.prismaObject('ClaimStatusEvent', {
  description: 'One step of a claim’s status history: who or what moved it, and why.',
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: ClaimStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: ClaimStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    actorType: t.exposeString('actorType', { description: 'USER, SYSTEM, CONNECTOR or PAYER.' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    at: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const ClaimLineRef = builder.prismaObject('ClaimLine', {
  description: 'A service line as billed on the claim.',
  fields: (t) => ({
    lineNumber: t.exposeInt('lineNumber'),
    procedureCode: t.exposeString('procedureCode', {
      nullable: true,
      description: 'CPT or HCPCS Level II; null only on an institutional line billed by its revenue code alone.',
    }),
    revenueCode: t.exposeString('revenueCode', {
      nullable: true,
      description: 'UB-04 revenue code (institutional claims).',
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'The service in the patient’s words, as the practice named it; statements show it.',
    }),
    modifiers: t.stringList({
      resolve: (l) => modifiersOf(l),
    }),
    units: t.float({ resolve: (l) => l.unitsMilli / 1000 }),
    chargeCents: t.expose('chargeCents', { type: 'Cents' }),
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    diagnosisPointers: t.intList({ resolve: (l) => l.diagnosisPointers.split(',').filter(Boolean).map(Number) }),
    lineControlNumber: t.exposeString('lineControlNumber', {
      nullable: true,
      description: 'REF*6R: echoed by the payer’s 835.',
    }),
  }),
});

export const ClaimRef = builder.prismaNode('Claim', {
  id: { field: 'id' },
  nullable: true,
  description: 'The bill for one encounter to one payer.',
  fields: (t) => ({
    patientControlNumber: t.exposeString('patientControlNumber', {
      description: 'CLM01: the payer echoes it in acknowledgements and remittances.',
    }),
    status: t.expose('status', { type: ClaimStatusEnum }),
    kind: t.exposeString('kind', { description: 'PROFESSIONAL (837P) or INSTITUTIONAL (837I).' }),
    frequencyCode: t.exposeString('frequencyCode', { description: '1 original, 7 replacement, 8 void.' }),
    totalChargeCents: t.expose('totalChargeCents', { type: 'Cents' }),
    payerClaimControlNumber: t.exposeString('payerClaimControlNumber', { nullable: true }),
    scrubFindings: t.field({
      type: [ScrubFindingRef],
      description: 'What the last scrub found (empty before the first scrub and when all is well).',
      resolve: (c) => (Array.isArray(c.scrubErrors) ? (c.scrubErrors as unknown as ScrubFinding[]) : []),
    }),
    patient: t.relation('patient'),
    payer: t.relation('payer'),
    coverage: t.relation('coverage'),
    encounter: t.relation('encounter'),
    practice: t.relation('practice'),
    originalClaim: t.relation('originalClaim', { nullable: true }),
    lines: t.relation('lines', { query: { orderBy: { lineNumber: 'asc' } } }),
    statusHistory: t.relation('statusEvents', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
  }),
});
