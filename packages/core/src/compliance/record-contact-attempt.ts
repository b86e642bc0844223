import { audited } from '../audit/audited.ts';
import { agencyOf } from '../collections/agency-of.ts';
import { COLLECTOR_ROLES } from '../collections/collector-roles.ts';
import { writeValidationNotice } from '../collections/validation-notice.ts';
import { collectorAgency, missingCollectorContact } from '../collections/collector-of.ts';
import type { Communication } from '../db/prisma-client.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { accountByPatient } from '../patient-billing/account-of-patient.ts';
import { todayIn } from '../util/calendar-date.ts';
import { canContact } from './can-contact.ts';
import type { AttemptChannel, ContactDecision } from './can-contact.ts';

export type ContactAttemptKind = 'CALL_ATTEMPT' | 'CONVERSATION' | 'MESSAGE' | 'LETTER';

export interface RecordContactAttemptInput {
  /** The account, named by one of its patients. */
  accountPatientId: string;
  /** PHONE is the home or mobile number; WORK_PHONE the work number. */
  channel: AttemptChannel;
  kind: ContactAttemptKind;
  /** @default now */
  at?: Date | null;
  /** When an agency's tooling reports its own attempt. */
  agencyId?: string | null;
  note?: string | null;
  /** A call placed by an autodialer or with a prerecorded voice: it needs the consent on record, like a text. */
  autodialed?: boolean | null;
}

const RECORDED_CHANNEL = { MAIL: 'MAIL', EMAIL: 'EMAIL', SMS: 'SMS', PHONE: 'PHONE', WORK_PHONE: 'PHONE' } as const;

/**
 * Every contact attempt goes through here, in-house or from agency tooling: the compliance engine decides, and the
 * attempt is recorded allowed or refused with the rule that decided. A refused attempt must not be made.
 */
export const recordContactAttempt = defineOperation({
  name: 'recordContactAttempt',
  roles: COLLECTOR_ROLES,
  run: (ctx, input: RecordContactAttemptInput): Promise<{ decision: ContactDecision; communication: Communication }> =>
    audited(ctx, 'recordContactAttempt', async (tx) => {
      const subject = await accountByPatient(tx, input.accountPatientId, globalId('Patient', input.accountPatientId));
      const agency = input.agencyId ? await agencyOf(tx, input.agencyId) : null;
      const at = input.at ?? ctx.clock.now();
      const decision = await canContact(tx, subject, input.channel, at, { autodialed: input.autodialed ?? false });
      const placement = await tx.collectionPlacement.findFirst({
        where: { patientId: { in: subject.patients.map((p) => p.id) }, status: { in: ['PLACED', 'DISPUTED'] } },
        orderBy: { placedAt: 'desc' },
      });
      // Regulation F: the validation notice goes with the first communication about a placed debt.
      const noticeDue = placement?.status === 'PLACED' && !placement.validationNoticeSentAt;
      if (
        decision.allowed &&
        placement &&
        noticeDue &&
        input.kind !== 'CALL_ATTEMPT' &&
        ctx.plugins.documents.size > 0
      ) {
        const unreachable = missingCollectorContact(await collectorAgency(tx, placement), subject.practice);
        if (unreachable) {
          // The attempt happened and is recorded; the notice waits for the collector's address and telephone.
          decision.warnings.push(`the validation notice could not be generated: ${unreachable}`);
        } else {
          await writeValidationNotice(ctx, tx, placement, subject.practice, todayIn(subject.practice.timeZone, at));
          decision.warnings = decision.warnings.filter((w) => !w.startsWith('a validation notice is due'));
          decision.warnings.push('the validation notice was generated with this first communication');
        }
      }
      const allowedOutcome = `ALLOWED${input.channel === 'WORK_PHONE' ? ' (work number)' : ''}${input.note ? `: ${input.note}` : ''}`;
      const communication = await tx.communication.create({
        data: {
          organizationId: ctx.principal.organizationId,
          patientId: subject.patients[0]!.id,
          channel: RECORDED_CHANNEL[input.channel],
          direction: 'OUTBOUND',
          purpose: input.kind,
          occurredAt: at,
          allowed: decision.allowed,
          complianceRule: decision.citation ? `${decision.rule} (${decision.citation})` : decision.rule,
          outcome: decision.allowed ? allowedOutcome : `REFUSED: ${decision.reason}`,
          placementId: placement?.id ?? null,
          actor: agency ? `agency:${agency.name}` : ctx.principal.userId,
        },
      });
      return {
        result: { decision, communication },
        recordIds: [globalId('Communication', communication.id)],
        practiceId: subject.practice.id,
      };
    }),
});
