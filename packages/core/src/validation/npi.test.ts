import { describe, expect, it } from 'vitest';
import { isValidNpi } from './npi.ts';

describe('isValidNpi', () => {
  it.each([
    ['1234567893', true], // CMS's worked example
    ['1245319599', true],
    ['1234567890', false],
    ['123456789', false],
    ['12345678931', false],
    ['123456789A', false],
  ])('%s → %s', (npi, valid) => expect(isValidNpi(npi)).toBe(valid));
});
