import { describe, expect, it } from 'vitest';
import type { CodeSetRelease, MedicalCode } from '../db/prisma-client.ts';
import type { ClaimCodeFacts } from './code-set-store.ts';
import { releaseWithoutModifier } from './modifier-in-force.ts';

const release = (modifierCount: number) => ({ system: 'HCPCS', version: '2026', modifierCount }) as CodeSetRelease;
const code = (code: string, effectiveDate: string | null, terminationDate: string | null) =>
  ({ code, effectiveDate, terminationDate }) as MedicalCode;
const facts = (modifierCount: number | null, ...codes: MedicalCode[]): ClaimCodeFacts => ({
  releases: modifierCount === null ? {} : { HCPCS: release(modifierCount) },
  codes: { HCPCS: new Map(codes.map((c) => [c.code, c])) },
  pairEdits: [],
  unitLimits: new Map(),
  addOnEdits: [],
  diagnosisEdits: [],
});

describe('a modifier judged by the HCPCS release in force', () => {
  it('is known when CPT has it or the release has it on the day, both ends of its dates included', () => {
    const withXs = facts(1, code('XS', '2015-01-01', '2026-06-30'));
    expect(releaseWithoutModifier(withXs, '59', '2026-03-01')).toBeUndefined();
    expect(releaseWithoutModifier(withXs, 'XS', '2015-01-01')).toBeUndefined();
    expect(releaseWithoutModifier(withXs, 'XS', '2026-06-30')).toBeUndefined();
    expect(releaseWithoutModifier(withXs, 'XS', '2014-12-31')?.version).toBe('2026');
    expect(releaseWithoutModifier(withXs, 'XS', '2026-07-01')?.version).toBe('2026');
    expect(releaseWithoutModifier(withXs, 'XY', '2026-03-01')?.version).toBe('2026');
  });

  it('is not judged without a release, or by a release that carries no modifiers (a list read from CSV)', () => {
    expect(releaseWithoutModifier(facts(null), 'XY', '2026-03-01')).toBeUndefined();
    expect(releaseWithoutModifier(facts(0), 'XY', '2026-03-01')).toBeUndefined();
  });
});
