import { describe, expect, it } from 'vitest';
import {
  isCpt,
  isHcpcsLevel2,
  isIcd10Cm,
  isModifier,
  isNdc,
  isPlaceOfService,
  normalizeIcd10,
} from './medical-codes.ts';
import { timeZoneForState } from './state-time-zone.ts';

describe('code shapes', () => {
  it.each(['E11.9', 'E119', 'S52.521A', 'Z00.129', 'I10', 'M54.16', 'U071'])('ICD-10-CM %s is well formed', (c) =>
    expect(isIcd10Cm(c)).toBe(true),
  );
  it.each(['E1', '11.9', 'E11.', 'E11.12345', 'e11.9', 'EE1.9', 'E11-9'])('ICD-10-CM %s is refused', (c) =>
    expect(isIcd10Cm(c)).toBe(false),
  );
  it('normalizes ICD-10 codes for claims', () => expect(normalizeIcd10(' e11.9 ')).toBe('E119'));
  it.each([
    ['99213', true],
    ['0001F', true],
    ['0042T', true],
    ['9921', false],
    ['99213A', false],
    ['0001X', false],
  ])('CPT %s → %s', (c, ok) => expect(isCpt(c)).toBe(ok));
  it.each([
    ['J1030', true],
    ['G0008', true],
    ['j1030', false],
    ['J103', false],
    ['JJ030', false],
  ])('HCPCS %s → %s', (c, ok) => expect(isHcpcsLevel2(c)).toBe(ok));
  it.each([
    ['25', true],
    ['LT', true],
    ['X', false],
    ['255', false],
    ['l1', false],
  ])('modifier %s → %s', (c, ok) => expect(isModifier(c)).toBe(ok));
  it.each([
    ['11', true],
    ['02', true],
    ['24', true],
    ['06', false],
    ['00', false],
    ['1', false],
  ])('place of service %s → %s', (c, ok) => expect(isPlaceOfService(c)).toBe(ok));
  it.each([
    ['00002143380', true],
    ['00002-1433-80', true],
    ['0002-1433-80', false],
    ['1234', false],
  ])('NDC %s → %s', (c, ok) => expect(isNdc(c)).toBe(ok));
  it('derives a time zone from the state', () => {
    expect(timeZoneForState('TX')).toBe('America/Chicago');
    expect(timeZoneForState('co')).toBe('America/Denver');
    expect(timeZoneForState('ZZ')).toBeUndefined();
  });
});
