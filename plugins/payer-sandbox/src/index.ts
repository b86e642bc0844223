import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';
import { parse837, tokenize, X12ParseError } from '@revcycle/x12';
import { write271, write277CA, write999 } from './responses.ts';
import type { ClaimAcknowledgement } from './responses.ts';

export interface SandboxOptions {
  /**
   * Member ids the simulated payer does not know: their claims are rejected in the 277CA (A7:21:IL) and their
   * eligibility answers are rejections (AAA 72). @default ids starting with "UNKNOWN"
   */
  isUnknownMember?: (memberId: string) => boolean;
  /** @default 'sandbox' */
  id?: string;
  instanceId?: string;
  /** @default 'Sandbox clearinghouse and payer' */
  displayName?: string;
  /** The clock of the simulated payer (dates in its files). @default () => new Date() */
  now?: () => Date;
}

/**
 * A local clearinghouse and payer for development, demos and tests. It reads the real 837s revcycle sends and
 * answers with real X12: a 999 for the interchange, a 277CA accepting each claim or rejecting the ones a payer
 * would (an unknown member id), and 271 eligibility answers. Everything stays in memory.
 */
export function sandboxPayer(options: SandboxOptions = {}): PayerConnector {
  if (options.isUnknownMember !== undefined && typeof options.isUnknownMember !== 'function') throw new ConfigError('payers[sandbox].isUnknownMember', 'must be a function');
  const isUnknown = options.isUnknownMember ?? ((memberId: string) => memberId.toUpperCase().startsWith('UNKNOWN'));
  const now = options.now ?? (() => new Date());
  const outbox: InboundFile[] = [];
  const received = new Map<string, string>();
  let control = 0;

  const connector = definePayerConnector({
    id: options.id ?? 'sandbox',
    instanceId: options.instanceId,
    displayName: options.displayName ?? 'Sandbox clearinghouse and payer',
    capabilities: ['submit', 'responses', 'eligibility'],

    async submit(batch: OutboundBatch) {
      const reference = `SANDBOX-${batch.batchId}`;
      if (received.has(batch.batchId)) return { reference };
      let submissions;
      try {
        submissions = parse837(batch.content).submissions;
      } catch (error) {
        if (error instanceof X12ParseError) throw new ConnectorError(`the sandbox clearinghouse refused the file: ${error.message}`, false);
        throw error;
      }
      received.set(batch.batchId, batch.content);
      for (const submission of submissions) {
        const reply = { sender: submission.interchange.receiverId, receiver: submission.interchange.senderId, now: now() };
        outbox.push({ name: `${reference}.999`, content: write999({ ...reply, controlNumber: ++control }, submission.group.controlNumber, submission.transaction.controlNumber) });
        for (const provider of submission.billingProviders) {
          const acknowledgements: ClaimAcknowledgement[] = [];
          let payer = { name: 'SANDBOX PAYER', id: 'SANDBOX' };
          for (const subscriber of provider.subscribers) {
            payer = { name: subscriber.payer.name, id: subscriber.payer.id ?? 'SANDBOX' };
            const memberId = subscriber.subscriber.id ?? '';
            const claims = [...subscriber.claims, ...subscriber.patients.flatMap((p) => p.claims)];
            for (const claim of claims) {
              const accepted = memberId !== '' && !isUnknown(memberId);
              acknowledgements.push({
                patientControlNumber: claim.patientControlNumber, chargeCents: claim.totalChargeCents,
                patient: { lastName: subscriber.subscriber.name, firstName: subscriber.subscriber.firstName, memberId },
                accepted, rejection: accepted ? undefined : 'A7:21:IL', payerClaimControlNumber: accepted ? `SBX${String(++control).padStart(10, '0')}` : undefined,
              });
            }
          }
          outbox.push({ name: `${reference}-${provider.provider.id}.277`, content: write277CA({ ...reply, controlNumber: ++control }, payer, { name: provider.provider.name, npi: provider.provider.id ?? '' }, acknowledgements) });
        }
      }
      return { reference };
    },

    async fetchResponses() {
      return [...outbox];
    },

    async acknowledgeResponse(file: InboundFile) {
      const i = outbox.findIndex((f) => f.name === file.name);
      if (i >= 0) outbox.splice(i, 1);
    },

    async checkEligibility(request270: string) {
      const segments = tokenize(request270);
      const element = (id: string, qualifier: string, position: number) => segments.find((s) => s.id === id && s.elements[1] === qualifier)?.elements[position] ?? '';
      const isa = segments[0]!;
      const reply = { sender: (isa.elements[8] ?? '').trim(), receiver: (isa.elements[6] ?? '').trim(), controlNumber: ++control, now: now() };
      const memberId = element('NM1', 'IL', 9);
      const member = { lastName: element('NM1', 'IL', 3), firstName: element('NM1', 'IL', 4) || undefined, memberId, trace: element('TRN', '1', 2) };
      const payer = { name: element('NM1', 'PR', 3), id: element('NM1', 'PR', 9) };
      const provider = { name: element('NM1', '1P', 3), npi: element('NM1', '1P', 9) };
      return write271(reply, payer, provider, member, memberId && !isUnknown(memberId) ? { active: true, plan: 'SANDBOX GOLD PPO' } : { active: false, rejection: '72' });
    },
  });
  return connector;
}
