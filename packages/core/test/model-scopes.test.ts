import { describe, expect, it } from 'vitest';
import { MODEL_SCOPES } from '../src/db/model-scopes.ts';
import { Prisma } from '../src/db/prisma-client.ts';
import { practiceWhere } from '../src/db/tenant-scope.ts';

describe('model scopes', () => {
  it('declares how every Prisma model belongs to a tenant and a practice', () => {
    expect(Object.keys(MODEL_SCOPES).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it('reaches a practice through the parents a child declares, however deep', () => {
    expect(practiceWhere('EligibilityCheck', ['p1'])).toEqual({
      coverage: { is: { patient: { is: { practiceId: { in: ['p1'] } } } } },
    });
    expect(practiceWhere('RemittanceServiceLine', ['p1'])).toEqual({
      remittanceClaim: { is: { claim: { is: { practiceId: { in: ['p1'] } } } } },
    });
  });

  it('hides organization-wide data from a practice-limited user and leaves shared data to every practice', () => {
    expect(practiceWhere('UnmatchedResponse', ['p1'])).toEqual({ id: { in: [] } });
    expect(practiceWhere('Payer', ['p1'])).toBeUndefined();
  });
});
