import type { Db, Patient, Practice } from '../db/prisma-client.ts';

const ACTIVE_PLAN = { status: 'ACTIVE' as const };
const ACTIVE_PLACEMENT = { status: { in: ['PLACED' as const, 'DISPUTED' as const] } };
const FIRST_ID = { select: { id: true }, take: 1 };

/** What recording a patient payment needs to know of the patient and the guarantor account it is paid on. */
export interface PayingAccount {
  patient: Pick<Patient, 'id' | 'practiceId' | 'guarantorId'>;
  practice: Pick<Practice, 'timeZone' | 'patientBillingPolicy'>;
  /** Every patient on the account (the patient alone when self-pay). */
  patientIds: string[];
  /** The account has an ACTIVE payment plan: the payment is applied to its installments. */
  hasActivePlan: boolean;
  /** An agency holds the account (PLACED or DISPUTED): a payment at the practice recalls it. */
  isPlaced: boolean;
}

/**
 * Reads the paying account in one request (the patient, its practice, the account's patients, whether it has a plan
 * or a placement) instead of one request each: a payment is the API's most frequent write, and every request
 * through Prisma costs about as much as the SQL it runs (`npm run bench:statements`).
 */
export async function payingAccountOf(tx: Db, patientId: string): Promise<PayingAccount | null> {
  const found = await tx.patient.findUnique({
    where: { id: patientId },
    select: {
      id: true,
      practiceId: true,
      guarantorId: true,
      practice: { select: { timeZone: true, patientBillingPolicy: true } },
      // A self-pay patient's own plans and placements; a guarantor's are on the guarantor's account.
      paymentPlans: { where: { ...ACTIVE_PLAN, guarantorId: null }, ...FIRST_ID },
      placements: { where: ACTIVE_PLACEMENT, ...FIRST_ID },
      guarantor: {
        select: {
          paymentPlans: { where: ACTIVE_PLAN, ...FIRST_ID },
          patients: { select: { id: true, placements: { where: ACTIVE_PLACEMENT, ...FIRST_ID } } },
        },
      },
    },
  });
  if (!found) return null;
  const { practice, guarantor } = found;
  const patient = { id: found.id, practiceId: found.practiceId, guarantorId: found.guarantorId };
  if (!guarantor)
    return {
      patient,
      practice,
      patientIds: [found.id],
      hasActivePlan: found.paymentPlans.length > 0,
      isPlaced: found.placements.length > 0,
    };
  return {
    patient,
    practice,
    patientIds: guarantor.patients.map((p) => p.id),
    hasActivePlan: guarantor.paymentPlans.length > 0,
    isPlaced: guarantor.patients.some((p) => p.placements.length > 0),
  };
}
