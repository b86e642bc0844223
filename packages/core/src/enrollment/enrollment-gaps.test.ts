import { describe, expect, it } from 'vitest';
import type { PayerEnrollment } from '../db/prisma-client.ts';
import { enrollmentGaps } from './enrollment-gaps.ts';

const record = (over: Partial<PayerEnrollment>): PayerEnrollment => ({
  id: 'e',
  organizationId: 'o',
  practiceId: 'p',
  payerId: 'bcbs',
  npi: '1324567894',
  transaction: 'CLAIMS_837P',
  status: 'SUBMITTED',
  submittedOn: null,
  liveOn: null,
  note: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});
const want = { payerId: 'bcbs', payerName: 'BCBS', npis: ['1324567894'], transaction: 'CLAIMS_837P' as const };

describe('enrollmentGaps', () => {
  it('names a not-live enrollment of the payer, NPI and transaction asked about', () => {
    expect(enrollmentGaps([record({})], want)).toEqual([
      'BCBS requires enrollment of NPI 1324567894 for professional claims: it is SUBMITTED',
    ]);
  });

  it('says nothing of another payer’s, another NPI’s or another transaction’s enrollment, nor of a live one', () => {
    for (const other of [
      record({ payerId: 'medicare' }),
      record({ npi: '1512345673' }),
      record({ transaction: 'ERA_835' }),
      record({ status: 'LIVE' }),
      record({ status: 'NOT_REQUIRED' }),
    ])
      expect(enrollmentGaps([other], want)).toEqual([]);
  });
});
