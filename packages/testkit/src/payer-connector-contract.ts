import { CAPABILITY_METHODS } from '@revcycle/core';
import type { OutboundBatch, PayerConnector } from '@revcycle/core';
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

const ACK_999 = [
  'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CONTRACT       *240301*1200*^*00501*000000077*0*T*:',
  'GS*FA*CH*CT*20240301*1200*77*X*005010X231A1', 'ST*999*0001*005010X231A1', 'AK1*HC*1*005010X222A1', 'AK2*837*0001*005010X222A1', 'IK5*A', 'AK9*A*1*1*1', 'SE*6*0001', 'GE*1*77', 'IEA*1*000000077',
].join('~') + '~';

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
      const batch: OutboundBatch = { batchId: 'contract-batch-1', organizationId: 'org-contract', interchangeControlNumber: '000000042', format: '837P', content: 'ISA*00*CONTRACT~', claimCount: 1 };
      const first = await c.submit!(batch, new AbortController().signal);
      const second = await c.submit!(batch, new AbortController().signal);
      expect(first.reference.length).toBeGreaterThan(0);
      expect(second.reference).toBe(first.reference);
      if (harness.deliveries) expect(await harness.deliveries()).toBe(1);
    });

    it('returns what the payer sent, and not again once acknowledged', async (context) => {
      const c = harness.connector;
      if (!c.capabilities.includes('responses') || !harness.deliverResponse) return context.skip();
      await harness.deliverResponse('contract-ack.999', ACK_999);
      const files = await c.fetchResponses!(new AbortController().signal);
      const file = files.find((f) => f.content === ACK_999);
      expect(file).toBeDefined();
      await c.acknowledgeResponse!(file!, { ok: true });
      const again = await c.fetchResponses!(new AbortController().signal);
      expect(again.find((f) => f.content === ACK_999)).toBeUndefined();
    });
  });
}
