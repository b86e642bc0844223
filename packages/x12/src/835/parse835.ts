import { inputText } from '../tokenizer.ts';
import { RemittanceReader } from './remittance-reader.ts';
import type { Remittance835 } from './types.ts';

/**
 * Parses an 835 file (one or more transaction sets, in one or more interchanges) into typed remittances:
 * money in integer cents, dates as YYYY-MM-DD. The envelope is validated; any defect throws X12ParseError and
 * nothing is returned. Balancing problems do not throw: they are listed in each remittance's `balance`.
 * @example
 * const [era] = parse835(readFileSync('era.835'));
 * era.claims.map((c) => [c.patientControlNumber, c.paidCents]);
 */
export function parse835(input: string | Uint8Array): Remittance835[] {
  const remittances: Remittance835[] = [];
  const reader = new RemittanceReader({
    header: () => {},
    claim: (claim, remittance) => remittance.claims.push(claim),
    end: (remittance) => remittances.push(remittance),
  });
  reader.read(inputText(input), true, typeof input === 'string' ? undefined : input);
  return remittances;
}
