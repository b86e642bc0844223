import { arrange } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';

// Arranging, not testing: these go through the local API (the testkit's arrangers), never raw database writes.

export function insertPractice(t: TestApi, organizationId: string, name = 'Prairie Family Medicine') {
  return arrange(t.api, organizationId).practice({ name });
}

export function insertPayer(t: TestApi, organizationId: string, name = 'Lone Star Health') {
  return arrange(t.api, organizationId).payer({ name });
}

/** A patient with a primary (and optionally a secondary) coverage. */
export function insertPatientWithCoverage(
  t: TestApi,
  organizationId: string,
  practiceId: string,
  payerIds: string[],
  n = 0,
) {
  return arrange(t.api, organizationId).patient(practiceId, payerIds, { firstName: `Pat${n}`, lastName: `Doe${n}` });
}
