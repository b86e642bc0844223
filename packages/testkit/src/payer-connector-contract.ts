import { CAPABILITY_METHODS } from '@revcycle/core';
import type { OutboundBatch, PayerConnector } from '@revcycle/core';
import { parse271, parse277, write270, write276 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What a connector's test gives the contract suite: the connector, and hooks into its fake payer side. */
export interface PayerConnectorHarness {
  connector: PayerConnector;
  /** How many distinct batches reached the payer side (for the idempotency check). */
  deliveries?(): Promise<number>;
  /** Makes the payer side send a file (a 999, 277CA, 835 …), as the real one would. */
  deliverResponse?(name: string, content: string): Promise<void>;
  cleanup?(): Promise<void>;
}

/** A small valid 837P (one claim), so connectors that read what they are sent can. */
const BATCH_837 = (() => {
  const body = [
    'BHT*0019*00*1*20240302*1200*CH',
    'NM1*41*2*CONTRACT SUBMITTER*****46*CS',
    'PER*IC*BILLING*TE*5125550100',
    'NM1*40*2*CONTRACT RECEIVER*****46*CR',
    'HL*1**20*1',
    'NM1*85*2*CONTRACT CLINIC*****XX*1324567894',
    'N3*1 MAIN ST',
    'N4*AUSTIN*TX*78701',
    'REF*EI*741234567',
    'HL*2*1*22*0',
    'SBR*P*18*******CI',
    'NM1*IL*1*DOE*JANE****MI*W123456789',
    'N3*2 MAIN ST',
    'N4*AUSTIN*TX*78701',
    'DMG*D8*19800101*F',
    'NM1*PR*2*CONTRACT PAYER*****PI*60054',
    'CLM*CONTRACT1*100***11:B:1*Y*A*Y*Y',
    'HI*ABK:I10',
    'LX*1',
    'SV1*HC:99213*100*UN*1***1',
    'DTP*472*D8*20240301',
  ];
  return `${[
    'ISA*00*          *00*          *ZZ*CS             *ZZ*CR             *240302*1200*^*00501*000000042*0*T*:',
    'GS*HC*CS*CR*20240302*1200*42*X*005010X222A1',
    'ST*837*0001*005010X222A1',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*42',
    'IEA*1*000000042',
  ].join('~')}~`;
})();

const ACK_999 = `${[
  'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CONTRACT       *240301*1200*^*00501*000000077*0*T*:',
  'GS*FA*CH*CT*20240301*1200*77*X*005010X231A1',
  'ST*999*0001*005010X231A1',
  'AK1*HC*1*005010X222A1',
  'AK2*837*0001*005010X222A1',
  'IK5*A',
  'AK9*A*1*1*1',
  'SE*6*0001',
  'GE*1*77',
  'IEA*1*000000077',
].join('~')}~`;

/**
 * The behaviour every payer connector must have. Run it from the connector package's tests:
 * @example runPayerConnectorContract('x12-files', async () => ({ connector: x12FilesPayer({ … }), deliverResponse: … }))
 */
export function runPayerConnectorContract(name: string, setup: () => Promise<PayerConnectorHarness>): void {
  describe(`payer connector contract: ${name}`, () => {
    let harness: PayerConnectorHarness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(async () => {
      await harness.cleanup?.();
    });

    it('has an identity and declares only capabilities it implements', () => {
      const c = harness.connector;
      expect(c.kind).toBe('payer');
      expect(c.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(c.displayName.length).toBeGreaterThan(0);
      for (const capability of c.capabilities) {
        expect(Object.keys(CAPABILITY_METHODS)).toContain(capability);
        for (const method of CAPABILITY_METHODS[capability]) expect(typeof c[method]).toBe('function');
      }
    });

    it('delivers a batch once, however often it is submitted', async (context) => {
      const c = harness.connector;
      if (!c.capabilities.includes('submit')) return context.skip();
      const batch: OutboundBatch = {
        batchId: 'contract-batch-1',
        organizationId: 'org-contract',
        interchangeControlNumber: '000000042',
        format: '837P',
        content: BATCH_837,
        claimCount: 1,
      };
      const first = await c.submit!(batch, new AbortController().signal);
      const second = await c.submit!(batch, new AbortController().signal);
      expect(first.reference.length).toBeGreaterThan(0);
      expect(second.reference).toBe(first.reference);
      if (harness.deliveries) expect(await harness.deliveries()).toBe(1);
    });

    it('returns what the payer sent (X12), and not again once acknowledged', async (context) => {
      const c = harness.connector;
      if (!c.capabilities.includes('responses')) return context.skip();
      // The payer side sends a file: through the harness, or (simulators) in answer to the batch submitted above.
      if (harness.deliverResponse) await harness.deliverResponse('contract-ack.999', ACK_999);
      const files = await c.fetchResponses!(new AbortController().signal);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(f.content.trimStart().startsWith('ISA')).toBe(true);
      const file = harness.deliverResponse ? files.find((f) => f.content === ACK_999)! : files[0]!;
      expect(file).toBeDefined();
      await c.acknowledgeResponse!(file, { ok: true });
      const again = await c.fetchResponses!(new AbortController().signal);
      expect(again.find((f) => f.name === file.name)).toBeUndefined();
    });

    const envelope = (n: string) => ({
      interchange: {
        senderQualifier: 'ZZ',
        senderId: 'CS',
        receiverQualifier: 'ZZ',
        receiverId: 'CR',
        date: '2024-03-05',
        time: '1200',
        controlNumber: n.padStart(9, '0'),
        usage: 'T' as const,
      },
      group: { senderCode: 'CS', receiverCode: 'CR', date: '2024-03-05', time: '1200', controlNumber: n },
      transaction: { controlNumber: '0001' },
    });

    it('answers a 270 with a 271 for the member asked about', async (context) => {
      const c = harness.connector;
      if (!c.capabilities.includes('eligibility')) return context.skip();
      const request = write270({
        ...envelope('43'),
        header: { referenceId: '43', date: '2024-03-05', time: '1200' },
        payer: { name: 'CONTRACT PAYER', payerId: '60054' },
        provider: { name: 'CONTRACT CLINIC', npi: '1324567894' },
        originatorId: '1741234567',
        inquiries: [
          {
            traceNumber: 'ELIG-1',
            subscriber: { lastName: 'DOE', firstName: 'JANE', memberId: 'W123456789' },
            serviceTypes: ['30'],
          },
        ],
      });
      const [answer] = parse271(await c.checkEligibility!(request, new AbortController().signal));
      expect(answer!.members[0]!.traceNumbers).toContain('ELIG-1');
    });

    it('answers a 276 with a 277 naming the claim asked about', async (context) => {
      const c = harness.connector;
      if (!c.capabilities.includes('claimStatus')) return context.skip();
      const request = write276({
        ...envelope('44'),
        header: { referenceId: '44', date: '2024-03-05', time: '1200' },
        payer: { name: 'CONTRACT PAYER', payerId: '60054' },
        receiver: { name: 'CONTRACT SUBMITTER', etin: 'CS' },
        provider: { name: 'CONTRACT CLINIC', npi: '1324567894' },
        inquiries: [
          {
            traceNumber: 'STATUS-1',
            subscriber: { lastName: 'DOE', firstName: 'JANE', memberId: 'W123456789' },
            patientControlNumber: 'CONTRACT1',
            serviceDateStart: '2024-03-01',
          },
        ],
      });
      const [answer] = parse277(await c.checkClaimStatus!(request, new AbortController().signal));
      expect(answer!.claims[0]!.patientControlNumber).toBe('STATUS-1');
      expect(answer!.claims[0]!.statuses.length).toBeGreaterThan(0);
    });
  });
}
