import type { Db, Patient, Practice } from '../db/prisma-client.ts';
import { openSharesOf } from './patient-payments.ts';
import type { OpenShare } from './patient-payments.ts';

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
  /** What the patient owes per claim, oldest first: where the payment goes. */
  openShares: OpenShare[];
}

/**
 * Reads the paying account in one request (the patient, its practice, the account's patients, whether it has a plan
 * or a placement, and its entries on claims for the open shares) instead of one request each: a payment is the API's
 * most frequent write, and in a transaction each request through Prisma costs several times the SQL it runs
 * (`npm run bench:statements`). The entries are the patient's own on claims (PATIENT account): tens of rows for
 * a patient, summed here rather than by a GROUP BY of their own.
 */
export async function payingAccountOf(tx: Db, patientId: string): Promise<PayingAccount | null> {
  const found = await tx.patient.findUnique({
    where: { id: patientId },
    select: {
      id: true,
      practiceId: true,
      guarantorId: true,
      practice: { select: { timeZone: true, patientBillingPolicy: true } },
      ledgerEntries: {
        where: { account: 'PATIENT', claimId: { not: null } },
        select: { claimId: true, agingDate: true, amountCents: true },
      },
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
  const openShares = openSharesOf(found.ledgerEntries);
  if (!guarantor) {
    // Registration makes every patient a guarantor (SELF): a patient without one was recorded before, and is read
    // again for the plans and placements of an account that is the patient alone.
    const own = await tx.patient.findUniqueOrThrow({
      where: { id: patientId },
      select: {
        paymentPlans: { where: { ...ACTIVE_PLAN, guarantorId: null }, ...FIRST_ID },
        placements: { where: ACTIVE_PLACEMENT, ...FIRST_ID },
      },
    });
    const [hasActivePlan, isPlaced] = [own.paymentPlans.length > 0, own.placements.length > 0];
    return { patient, practice, openShares, patientIds: [found.id], hasActivePlan, isPlaced };
  }
  return {
    patient,
    practice,
    openShares,
    patientIds: guarantor.patients.map((p) => p.id),
    hasActivePlan: guarantor.paymentPlans.length > 0,
    isPlaced: guarantor.patients.some((p) => p.placements.length > 0),
  };
}
