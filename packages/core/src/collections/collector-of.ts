import type { CollectionAgency, CollectionPlacement, Db, Practice } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import type { ValidationNoticeFacts } from './validation-notice-wording.ts';

const REQUIRED = [
  ['addressLine1', 'mailing address'],
  ['city', 'city'],
  ['state', 'state'],
  ['postalCode', 'ZIP code'],
  ['phone', 'telephone number'],
] as const;

/** The agency a placement is with; null when the practice collects itself. */
export function collectorAgency(tx: Db, placement: CollectionPlacement): Promise<CollectionAgency | null> {
  return placement.agencyId
    ? tx.collectionAgency.findUnique({ where: { id: placement.agencyId } })
    : Promise.resolve(null);
}

/** What the collector's record lacks for a validation notice, in words; null when nothing. */
export function missingCollectorContact(agency: CollectionAgency | null, practice: Practice): string | null {
  const record = agency ?? practice;
  const missing = REQUIRED.filter(([field]) => !record[field]).map(([, what]) => what);
  if (!missing.length) return null;
  return `${agency?.name ?? practice.name} has no ${missing.join(', ')} on file: a validation notice must give the collector's mailing address and telephone (12 CFR 1006.34(c)(1))${agency ? '; updateCollectionAgency adds them' : ''}`;
}

/**
 * Who collects a placed account, as the validation notice must name them (12 CFR 1006.34(c)(1)): the agency, or the
 * practice when it collects itself. Its mailing address and telephone are required: the notice tells the consumer
 * to call or write, and the response form is mailed there.
 */
export function collectorOf(agency: CollectionAgency | null, practice: Practice): ValidationNoticeFacts['collector'] {
  const missing = missingCollectorContact(agency, practice);
  if (missing)
    throw new ValidationError([
      { path: ['input', 'placementId'], code: 'COLLECTOR_CONTACT_REQUIRED', message: missing },
    ]);
  const record = agency ?? practice;
  return {
    name: agency?.name ?? practice.name,
    addressLines: [
      record.addressLine1!,
      ...(record.addressLine2 ? [record.addressLine2] : []),
      `${record.city}, ${record.state} ${record.postalCode}`,
    ],
    phone: record.phone!,
    electronicDisputes: agency?.electronicDisputes ?? null,
  };
}
