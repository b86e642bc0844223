import type { CoveragePriority } from '../db/prisma-client.ts';
import type { FieldChecks } from '../validation/field-checks.ts';

export interface CoverageFields {
  payerId: string;
  memberId: string;
  groupNumber?: string | null;
  /** A taken priority moves the coverage holding it (and those after it) down one. */
  priority: CoveragePriority;
  /** @default SELF */
  subscriberRelationship?: 'SELF' | 'SPOUSE' | 'CHILD' | 'OTHER' | null;
  /** Required unless the patient is the subscriber. */
  subscriber?: { firstName: string; lastName: string; dateOfBirth?: string | null } | null;
  effectiveDate: string;
  /** Inclusive; omit while open-ended. */
  terminationDate?: string | null;
}

type CheckedFields = Omit<CoverageFields, 'payerId'>;

export function checkCoverage(
  checks: FieldChecks,
  c: CheckedFields,
  path: Array<string | number>,
  patientBirthDate?: string | null,
): FieldChecks {
  checks
    .notBlank([...path, 'memberId'], c.memberId)
    .date([...path, 'effectiveDate'], c.effectiveDate)
    .date([...path, 'terminationDate'], c.terminationDate);
  if (c.terminationDate && c.terminationDate < c.effectiveDate) {
    checks.add(
      [...path, 'terminationDate'],
      'DATE_BEFORE_EFFECTIVE',
      `${c.terminationDate} is before the effective date ${c.effectiveDate}`,
    );
  }
  const relationship = c.subscriberRelationship ?? 'SELF';
  if (relationship !== 'SELF' && !c.subscriber) {
    checks.add(
      [...path, 'subscriber'],
      'REQUIRED',
      `the subscriber is required when the patient is the subscriber's ${relationship.toLowerCase()}`,
    );
  }
  if (patientBirthDate && c.terminationDate && c.terminationDate < patientBirthDate) {
    checks.add([...path, 'terminationDate'], 'DATE_BEFORE_BIRTH', 'the coverage ends before the patient was born');
  }
  return checks;
}

export function coverageData(c: CheckedFields): Record<string, unknown> {
  return {
    memberId: c.memberId.trim(),
    groupNumber: c.groupNumber ?? null,
    priority: c.priority,
    subscriberRelationship: c.subscriberRelationship ?? 'SELF',
    subscriberFirstName: c.subscriber?.firstName ?? null,
    subscriberLastName: c.subscriber?.lastName ?? null,
    subscriberDateOfBirth: c.subscriber?.dateOfBirth ?? null,
    effectiveDate: c.effectiveDate,
    terminationDate: c.terminationDate ?? null,
    active: true,
  };
}
