import { parse999, tokenize } from '@revcycle/x12';
import type { Db } from '../db/prisma-client.ts';
import type { InboundFile } from '../plugins/contracts.ts';

/** 999, 277CA, 835 …: the first transaction set's id (a 277 of implementation X214 is a 277CA). */
export function transactionKind(content: string): string {
  let version = '';
  for (const segment of tokenize(content)) {
    if (segment.id === 'GS') version = segment.elements[8] ?? '';
    if (segment.id === 'ST') {
      const id = segment.elements[1] ?? '';
      return id === '277' && (segment.elements[3] || version).includes('X214') ? '277CA' : id;
    }
  }
  return 'UNKNOWN';
}

/** Patient control numbers the file speaks of: CLP01 in an 835, TRN02 of the claim loops in a 277CA. */
function patientControlNumbers(content: string, kind: string): string[] {
  const numbers = new Set<string>();
  for (const s of tokenize(content)) {
    if (kind === '835' && s.id === 'CLP' && s.elements[1]) numbers.add(s.elements[1]);
    if (kind === '277CA' && s.id === 'TRN' && s.elements[1] === '2' && s.elements[2]) numbers.add(s.elements[2]);
  }
  return [...numbers];
}

/**
 * Which organization an inbound file belongs to: the connector's word when it gives one; else the one organization
 * owning the claims it names (patient control numbers are random and unique); else, for a 999, the one batch this
 * connector sent with the acknowledged control number. Undefined when that is no single organization.
 */
export async function organizationOf(
  systemDb: Db,
  connectorKey: string,
  file: InboundFile,
  kind: string,
): Promise<string | undefined> {
  if (file.organizationId) return file.organizationId;
  if (kind === '835' || kind === '277CA') {
    const numbers = patientControlNumbers(file.content, kind);
    if (!numbers.length) return undefined;
    const owners = await systemDb.claim.findMany({
      where: { patientControlNumber: { in: numbers } },
      select: { organizationId: true },
      distinct: ['organizationId'],
    });
    return owners.length === 1 ? owners[0]!.organizationId : undefined;
  }
  if (kind === '999') {
    const groups = parse999(file.content).map((a) => a.groupControlNumber.padStart(9, '0'));
    const owners = await systemDb.submissionBatch.findMany({
      where: { connectorId: connectorKey, interchangeControlNumber: { in: groups } },
      select: { organizationId: true },
      distinct: ['organizationId'],
    });
    return owners.length === 1 ? owners[0]!.organizationId : undefined;
  }
  return undefined;
}
