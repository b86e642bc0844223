import { enrollmentGaps } from '../../enrollment/enrollment-gaps.ts';
import type { ScrubRule } from './scrub-rule.ts';

/** Claims to a payer whose enrollment for them is required and not live are likely rejected: said before sending. */
export const ENROLLMENT_RULES: ScrubRule[] = [
  {
    id: 'PAYER_ENROLLMENT',
    description: 'The billing and rendering NPIs are enrolled with the payer for claims, where it requires enrollment.',
    // A paper-only payer's claims are printed: EDI enrollment does not apply to them.
    check: ({ claim, practice, encounter, payer, enrollments = [] }) =>
      payer.paperOnly
        ? []
        : enrollmentGaps(enrollments, {
            payerId: payer.id,
            payerName: payer.name,
            npis: [practice.npi, encounter.billingProvider?.npi, encounter.renderingProvider.npi].filter(
              (npi): npi is string => !!npi,
            ),
            transaction: claim.kind === 'INSTITUTIONAL' ? 'CLAIMS_837I' : 'CLAIMS_837P',
          }).map((message) => ({
            severity: 'WARNING' as const,
            path: ['payer', 'enrollment'],
            message: `${message}; the claim may be rejected`,
          })),
  },
];
