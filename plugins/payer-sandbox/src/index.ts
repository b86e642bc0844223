import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';
import { parse837, tokenize, write835, X12ParseError } from '@revcycle/x12';
import type { Remittance835Input } from '@revcycle/x12';
import { adjudicate, reversalOf, scenarioFor, seededRandom } from './adjudicate.ts';
import { write271, write277, write277CA, write999 } from './responses.ts';
import type { ClaimStatusAnswer } from './responses.ts';
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
  /** Answer accepted claims with an 835 (after the 277CA). @default true */
  remittances?: boolean;
  /** Share of unmarked claims denied at random (seeded), 0–1. Member-id markers decide the rest (see adjudicate.ts). @default 0 */
  denialRate?: number;
  /** Seed of the random outcomes: the same seed replays the same denials. @default 1 */
  seed?: number;
}

/**
 * A local clearinghouse and payer for development, demos and tests. It reads the real 837s revcycle sends and
 * answers with real X12: a 999 for the interchange, a 277CA accepting each claim or rejecting the ones a payer
 * would (an unknown member id), and 271 eligibility answers. Everything stays in memory.
 */
export function sandboxPayer(options: SandboxOptions = {}): PayerConnector {
  if (options.isUnknownMember !== undefined && typeof options.isUnknownMember !== 'function')
    throw new ConfigError('payers[sandbox].isUnknownMember', 'must be a function');
  const isUnknown = options.isUnknownMember ?? ((memberId: string) => memberId.toUpperCase().startsWith('UNKNOWN'));
  const now = options.now ?? (() => new Date());
  const outbox: InboundFile[] = [];
  const received = new Map<string, string>();
  let control = 0;
  /** Every claim the sandbox has seen, by patient control number, with what it decided: answers 276s. */
  const decided = new Map<string, Omit<ClaimStatusAnswer, 'trace'>>();
  const random = seededRandom(options.seed ?? 1);
  const denialRate = options.denialRate ?? 0;
  if (!(denialRate >= 0 && denialRate <= 1))
    throw new ConfigError('payers[sandbox].denialRate', 'must be between 0 and 1');

  const connector = definePayerConnector({
    id: options.id ?? 'sandbox',
    instanceId: options.instanceId,
    displayName: options.displayName ?? 'Sandbox clearinghouse and payer',
    capabilities: ['submit', 'responses', 'eligibility', 'claimStatus'],

    async submit(batch: OutboundBatch) {
      const reference = `SANDBOX-${batch.batchId}`;
      if (received.has(batch.batchId)) return { reference };
      let submissions: ReturnType<typeof parse837>['submissions'];
      try {
        submissions = parse837(batch.content).submissions;
      } catch (error) {
        if (error instanceof X12ParseError)
          throw new ConnectorError(`the sandbox clearinghouse refused the file: ${error.message}`, false);
        throw error;
      }
      received.set(batch.batchId, batch.content);
      for (const submission of submissions) {
        const reply = {
          sender: submission.interchange.receiverId,
          receiver: submission.interchange.senderId,
          now: now(),
        };
        outbox.push({
          name: `${reference}.999`,
          content: write999(
            { ...reply, controlNumber: ++control },
            submission.group.controlNumber,
            submission.transaction.controlNumber,
          ),
        });
        for (const provider of submission.billingProviders) {
          const acknowledgements: ClaimAcknowledgement[] = [];
          const payments: Array<Array<Remittance835Input['claims'][number]>> = [[]];
          let payer = { name: 'SANDBOX PAYER', id: 'SANDBOX' };
          for (const subscriber of provider.subscribers) {
            payer = { name: subscriber.payer.name, id: subscriber.payer.id ?? 'SANDBOX' };
            const memberId = subscriber.subscriber.id ?? '';
            const claims = [...subscriber.claims, ...subscriber.patients.flatMap((p) => p.claims)];
            for (const claim of claims) {
              const accepted = memberId !== '' && !isUnknown(memberId);
              acknowledgements.push({
                patientControlNumber: claim.patientControlNumber,
                chargeCents: claim.totalChargeCents,
                patient: { lastName: subscriber.subscriber.name, firstName: subscriber.subscriber.firstName, memberId },
                accepted,
                rejection: accepted ? undefined : 'A7:21:IL',
                payerClaimControlNumber: accepted ? `SBX${String(++control).padStart(10, '0')}` : undefined,
              });
              const serviceDate = claim.lines[0]?.dates.find((d) => d.qualifier === '472')?.date;
              const patientOf = {
                lastName: subscriber.subscriber.name,
                firstName: subscriber.subscriber.firstName,
                memberId,
              };
              decided.set(claim.patientControlNumber, {
                patientControlNumber: claim.patientControlNumber,
                patient: patientOf,
                status: accepted ? 'A2:20' : 'A7:21',
                chargeCents: claim.totalChargeCents,
                payerClaimControlNumber: acknowledgements.at(-1)!.payerClaimControlNumber,
                serviceDate,
              });
              if (!accepted || options.remittances === false) continue;
              const icn = acknowledgements.at(-1)!.payerClaimControlNumber!;
              const patient = {
                entityCode: 'QC',
                lastOrOrganizationName: subscriber.subscriber.name,
                firstName: subscriber.subscriber.firstName,
                idQualifier: 'MI',
                id: memberId,
              };
              const scenario = scenarioFor(memberId, random, denialRate);
              if (scenario === 'REVERSE') {
                // Paid short first, then taken back and paid right: three payments, in order.
                const first = adjudicate(claim, 'UNDERPAY', icn, patient);
                while (payments.length < 3) payments.push([]);
                payments[0]!.push(first);
                payments[1]!.push(reversalOf(first));
                payments[2]!.push(adjudicate(claim, 'PAY', icn, patient));
              } else {
                payments[0]!.push(adjudicate(claim, scenario, icn, patient));
              }
              const final = payments
                .flat()
                .filter((p) => p.patientControlNumber === claim.patientControlNumber)
                .at(-1)!;
              decided.set(claim.patientControlNumber, {
                ...decided.get(claim.patientControlNumber)!,
                status: final.paidCents > 0 ? 'F1:65' : final.statusCode === '4' ? 'F2:104' : 'F0:104',
                paidCents: payments
                  .flat()
                  .filter((p) => p.patientControlNumber === claim.patientControlNumber)
                  .reduce((sum, p) => sum + p.paidCents, 0),
              });
            }
          }
          outbox.push({
            name: `${reference}-${provider.provider.id}.277`,
            content: write277CA(
              { ...reply, controlNumber: ++control },
              payer,
              { name: provider.provider.name, npi: provider.provider.id ?? '' },
              acknowledgements,
            ),
          });
          payments.forEach((claims, i) => {
            if (!claims.length) return;
            const n = ++control;
            const date = now().toISOString().slice(0, 10);
            const time = now().toISOString().slice(11, 16).replace(':', '');
            outbox.push({
              name: `${reference}-${provider.provider.id}-${i + 1}.835`,
              content: write835({
                interchange: {
                  senderQualifier: 'ZZ',
                  senderId: reply.sender,
                  receiverQualifier: 'ZZ',
                  receiverId: reply.receiver,
                  date,
                  time,
                  controlNumber: String(n).padStart(9, '0'),
                  usage: 'T',
                },
                group: { senderCode: reply.sender, receiverCode: reply.receiver, date, time, controlNumber: String(n) },
                transaction: { controlNumber: '0001' },
                payment: {
                  handlingCode: 'I',
                  amountCents: claims.reduce((sum, c) => sum + c.paidCents, 0),
                  creditDebit: 'C',
                  method: 'ACH',
                  paymentFormat: 'CCP',
                  paymentDate: date,
                  traceNumber: `SBX-EFT-${n}`,
                  originatorId: `1${payer.id}`,
                },
                payer: { name: payer.name, references: { '2U': payer.id } },
                payee: { name: provider.provider.name, idQualifier: 'XX', id: provider.provider.id ?? '' },
                claims,
              }),
            });
          });
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

    async checkClaimStatus(request276: string) {
      const segments = tokenize(request276);
      const isa = segments[0]!;
      const reply = {
        sender: (isa.elements[8] ?? '').trim(),
        receiver: (isa.elements[6] ?? '').trim(),
        controlNumber: ++control,
        now: now(),
      };
      const payerSegment = segments.find((s) => s.id === 'NM1' && s.elements[1] === 'PR');
      const providerSegment = segments.find((s) => s.id === 'NM1' && s.elements[1] === '1P');
      const answers: ClaimStatusAnswer[] = [];
      let member: ClaimStatusAnswer['patient'] = { lastName: '' };
      let trace = '';
      for (const s of segments) {
        if (s.id === 'NM1' && (s.elements[1] === 'IL' || s.elements[1] === 'QC'))
          member = {
            lastName: s.elements[3] ?? '',
            firstName: s.elements[4] || undefined,
            memberId: s.elements[9] || undefined,
          };
        if (s.id === 'TRN' && s.elements[1] === '1') trace = s.elements[2] ?? '';
        if (s.id === 'REF' && s.elements[1] === 'EJ') {
          const pcn = s.elements[2] ?? '';
          const known = decided.get(pcn);
          // A4:35: the claim is not on file.
          answers.push(
            known ? { ...known, trace } : { patientControlNumber: pcn, trace, patient: member, status: 'A4:35' },
          );
        }
      }
      return write277(
        reply,
        { name: payerSegment?.elements[3] ?? 'SANDBOX PAYER', id: payerSegment?.elements[9] ?? 'SANDBOX' },
        { name: providerSegment?.elements[3] ?? '', npi: providerSegment?.elements[9] ?? '' },
        answers,
      );
    },

    async checkEligibility(request270: string) {
      const segments = tokenize(request270);
      const element = (id: string, qualifier: string, position: number) =>
        segments.find((s) => s.id === id && s.elements[1] === qualifier)?.elements[position] ?? '';
      const isa = segments[0]!;
      const reply = {
        sender: (isa.elements[8] ?? '').trim(),
        receiver: (isa.elements[6] ?? '').trim(),
        controlNumber: ++control,
        now: now(),
      };
      const memberId = element('NM1', 'IL', 9);
      const member = {
        lastName: element('NM1', 'IL', 3),
        firstName: element('NM1', 'IL', 4) || undefined,
        memberId,
        trace: element('TRN', '1', 2),
      };
      const payer = { name: element('NM1', 'PR', 3), id: element('NM1', 'PR', 9) };
      const provider = { name: element('NM1', '1P', 3), npi: element('NM1', '1P', 9) };
      return write271(
        reply,
        payer,
        provider,
        member,
        memberId && !isUnknown(memberId)
          ? { active: true, plan: 'SANDBOX GOLD PPO' }
          : { active: false, rejection: '72' },
      );
    },
  });
  return connector;
}
