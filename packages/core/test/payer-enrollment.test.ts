import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Enrollment as data (from #26): one record per NPI, payer and transaction, set through GraphQL; the scrubber warns
// when a claim goes to a payer whose enrollment for it is required and not live, and an 835 import warns when ERAs
// arrive for an NPI whose ERA enrollment is. The practice's group NPI is 1324567894, Dr. Alvarez's 1512345673.

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  token = await t.token((await t.createOrganization('Enrollment Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
type Payload = {
  __typename: string;
  status?: string;
  npi?: string;
  fieldErrors?: Array<{ path: string[]; code: string }>;
};
const enroll = async (input: Record<string, unknown>) =>
  (
    await gql<{ setPayerEnrollment: Payload }>(
      `mutation($input: SetPayerEnrollmentInput!) { setPayerEnrollment(input: $input) { __typename
        ... on PayerEnrollment { status npi } ... on ValidationError { fieldErrors { path code } } } }`,
      { input: { practiceId: w.practiceId, payerId: w.bcbsId, ...input } },
    )
  ).setPayerEnrollment;
type Finding = { ruleId: string; severity: string; message: string };
const enrollmentFindings = async (claimId: string) =>
  (
    await gql<{ scrubClaim: { passed: boolean; findings: Finding[] } }>(
      `mutation($id: ID!) { scrubClaim(input: { claimId: $id }) { ... on ScrubClaimSuccess { passed findings { ruleId severity message } } } }`,
      { id: claimId },
    )
  ).scrubClaim.findings.filter((f) => f.ruleId === 'PAYER_ENROLLMENT');

describe('payer enrollment', () => {
  it('is recorded per NPI, payer and transaction, for the practice’s or its providers’ NPIs only', async () => {
    expect(await enroll({ transaction: 'CLAIMS_837P', status: 'REQUIRED' })).toEqual({
      __typename: 'PayerEnrollment',
      status: 'REQUIRED',
      npi: '1324567894',
    });
    expect(await enroll({ npi: '1234567893', transaction: 'CLAIMS_837P', status: 'REQUIRED' })).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'npi'], code: 'UNKNOWN_NPI' }],
    });
    expect(await enroll({ transaction: 'CLAIMS_837P', status: 'LIVE' })).toMatchObject({
      fieldErrors: [{ path: ['input', 'liveOn'], code: 'REQUIRED' }],
    });
    const listed = await gql<{ node: { payerEnrollments: Array<{ transaction: string; status: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Practice { payerEnrollments { transaction status } } } }`,
      { id: w.practiceId },
    );
    expect(listed.node.payerEnrollments).toEqual([{ transaction: 'CLAIMS_837P', status: 'REQUIRED' }]);
  });

  it('warns in the scrub while the claims enrollment is required, submitted or rejected, and not once live', async () => {
    const claim = await w.draftClaim(await w.patient());
    const expected = (status: string, since = '') => [
      {
        ruleId: 'PAYER_ENROLLMENT',
        severity: 'WARNING',
        message: `Blue Cross Blue Shield of Texas requires enrollment of NPI 1512345673 for professional claims: it is ${status}${since}; the claim may be rejected`,
      },
    ];
    // The group NPI's record from the first test is REQUIRED; start from a clean slate on it.
    await enroll({ transaction: 'CLAIMS_837P', status: 'NOT_REQUIRED' });
    expect(await enrollmentFindings(claim.id)).toEqual([]);
    for (const [status, since] of [
      ['REQUIRED', ''],
      ['SUBMITTED', ', submitted 2026-09-15'],
      ['REJECTED', ', submitted 2026-09-15'],
    ] as const) {
      await enroll({ npi: '1512345673', transaction: 'CLAIMS_837P', status, submittedOn: since ? '2026-09-15' : null });
      expect(await enrollmentFindings(claim.id)).toEqual(expected(status, since));
    }
    await enroll({ npi: '1512345673', transaction: 'CLAIMS_837P', status: 'LIVE', liveOn: '2026-10-01' });
    expect(await enrollmentFindings(claim.id)).toEqual([]);
    // Another transaction's or another payer's enrollment says nothing of this claim.
    await enroll({ npi: '1512345673', transaction: 'CLAIMS_837I', status: 'REJECTED' });
    await enroll({ payerId: w.medicareId, npi: '1512345673', transaction: 'CLAIMS_837P', status: 'SUBMITTED' });
    expect(await enrollmentFindings(claim.id)).toEqual([]);
  });

  it('warns on an 835 whose ERAs arrive before the ERA enrollment is live, and not after', async () => {
    const importEra = async (trace: string) => {
      const claim = await w.submittedClaim(await w.patient());
      return (
        await gql<{ importRemittance: { matched: number; warnings: string[] } }>(
          `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { ... on ImportRemittanceSuccess { matched warnings } } }`,
          { x12: era(trace, [paidInFull(claim)]) },
        )
      ).importRemittance;
    };
    await enroll({ transaction: 'ERA_835', status: 'SUBMITTED', submittedOn: '2026-09-20' });
    expect(await importEra('ENR-1')).toEqual({
      matched: 1,
      warnings: [
        'ERAs arrived: Blue Cross Blue Shield of Texas requires enrollment of NPI 1324567894 for ERAs: it is SUBMITTED, submitted 2026-09-20',
      ],
    });
    await enroll({ transaction: 'ERA_835', status: 'LIVE', liveOn: '2026-10-05' });
    expect(await importEra('ENR-2')).toEqual({ matched: 1, warnings: [] });
  });

  it('reads a clearinghouse payer list: routes listed payers, records required enrollments, keeps a biller’s', async () => {
    type Imported = {
      __typename: string;
      rows?: number;
      payersMapped?: number;
      enrollmentsRequired?: number;
      payersNotListed?: string[];
      fieldErrors?: Array<{ path: Array<string | number>; code: string; message: string }>;
    };
    const importList = async (csv: string, connectorId = 'accepting-clearinghouse') =>
      (
        await gql<{ importPayerDirectory: Imported }>(
          `mutation($input: ImportPayerDirectoryInput!) { importPayerDirectory(input: $input) { __typename
            ... on PayerDirectoryImported { rows payersMapped enrollmentsRequired payersNotListed }
            ... on ValidationError { fieldErrors { path code message } } } }`,
          { input: { connectorId, csv } },
        )
      ).importPayerDirectory;
    const bad = await importList('payer_id,payer_name,transactions,enrollment_required\n84980,BCBS TX,837P;999X,EFT\n');
    expect(bad.fieldErrors).toEqual([
      {
        path: ['input', 'csv', '2', 'transactions'],
        code: 'UNKNOWN_TRANSACTION',
        message: expect.stringContaining('"999X"'),
      },
      {
        path: ['input', 'csv', '2', 'enrollment_required'],
        code: 'NOT_SUPPORTED',
        message: "line 2, enrollment_required: EFT needs enrollment but is not among the payer's transactions",
      },
    ]);
    expect((await importList('payer_id,payer_name,transactions\n1,A,837P\n', 'nobody')).fieldErrors).toEqual([
      { path: ['input', 'connectorId'], code: 'UNKNOWN_CONNECTOR', message: expect.any(String) },
    ]);
    // Blue Cross (84980) takes claims, eligibility and ERAs, and requires enrollment for ERAs and EFT; the group
    // NPI's ERA enrollment is LIVE already (the test above), so only EFT is recorded as REQUIRED.
    const csv = [
      'payer_id,payer_name,transactions,enrollment_required',
      '84980,BCBS of Texas,837P 837I 270 276 835 EFT,835;EFT',
      '99999,Some Other Payer,837P,Y',
    ].join('\n');
    expect(await importList(csv)).toEqual({
      __typename: 'PayerDirectoryImported',
      rows: 2,
      payersMapped: 1,
      enrollmentsRequired: 1,
      payersNotListed: ['Medicare Part B'],
    });
    const enrollments = await t.db.payerEnrollment.findMany({
      where: { payer: { payerIdentifier: '84980' }, npi: '1324567894', transaction: { in: ['ERA_835', 'EFT'] } },
      select: { transaction: true, status: true },
    });
    expect(enrollments.sort((a, b) => a.transaction.localeCompare(b.transaction))).toEqual([
      { transaction: 'EFT', status: 'REQUIRED' },
      { transaction: 'ERA_835', status: 'LIVE' },
    ]);
    // The same list again records nothing more.
    expect(await importList(csv)).toMatchObject({ payersMapped: 1, enrollmentsRequired: 0 });
    // A payer listed with claims is routed through the connector; one listed for eligibility only is not.
    await t.db.payer.updateMany({ data: { connectorId: null } });
    const routed = ['payer_id,payer_name,transactions', '04412,Medicare B,837P 835', '84980,BCBS of Texas,270'];
    expect(await importList(routed.join('\n'))).toMatchObject({ payersMapped: 1, payersNotListed: [] });
    const connectors = await t.db.payer.findMany({ select: { payerIdentifier: true, connectorId: true } });
    expect(connectors.sort((a, b) => a.payerIdentifier.localeCompare(b.payerIdentifier))).toEqual([
      { payerIdentifier: '04412', connectorId: 'accepting-clearinghouse' },
      { payerIdentifier: '84980', connectorId: null },
    ]);
  });
});
