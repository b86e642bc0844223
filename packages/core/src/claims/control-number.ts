import { randomBytes } from 'node:crypto';
import type { Db } from '../db/prisma-client.ts';

/** CLM01: 20 characters at most in the 837; "RC" and 10 random base-36 characters, unique in the organization. */
export async function newPatientControlNumber(tx: Db): Promise<string> {
  for (;;) {
    const random = BigInt(`0x${randomBytes(7).toString('hex')}`)
      .toString(36)
      .toUpperCase();
    const candidate = `RC${random.padStart(10, '0').slice(-10)}`;
    if (!(await tx.claim.findFirst({ where: { patientControlNumber: candidate } }))) return candidate;
  }
}
