import type { EnrollmentStatus, EnrollmentTransaction, PayerEnrollment } from '../db/prisma-client.ts';

/** Required by the payer and not live: claims or ERAs may be rejected or never come. */
const NOT_LIVE: ReadonlySet<EnrollmentStatus> = new Set(['REQUIRED', 'SUBMITTED', 'REJECTED']);

const WHAT: Record<EnrollmentTransaction, string> = {
  CLAIMS_837P: 'professional claims',
  CLAIMS_837I: 'institutional claims',
  ELIGIBILITY_270: 'eligibility inquiries',
  CLAIM_STATUS_276: 'claim status inquiries',
  ERA_835: 'ERAs',
  EFT: 'EFT',
};

/**
 * The enrollments among `enrollments` that stand in the way of a transaction for these NPIs with this payer, each
 * worded for a biller. No record means nothing is known: no warning (the payer directory says which payers require
 * enrollment; a biller records each NPI's).
 */
export function enrollmentGaps(
  enrollments: readonly PayerEnrollment[],
  want: { payerId: string; payerName: string; npis: readonly string[]; transaction: EnrollmentTransaction },
): string[] {
  return enrollments
    .filter(
      (e) =>
        e.payerId === want.payerId &&
        e.transaction === want.transaction &&
        want.npis.includes(e.npi) &&
        NOT_LIVE.has(e.status),
    )
    .map((e) => {
      const since = e.submittedOn ? `, submitted ${e.submittedOn}` : '';
      return `${want.payerName} requires enrollment of NPI ${e.npi} for ${WHAT[e.transaction]}: it is ${e.status}${since}`;
    });
}
