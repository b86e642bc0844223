import type { Db } from '../db/prisma-client.ts';

/**
 * The next number of a per-organization counter, inside the caller's transaction. The increment is one UPDATE, so
 * concurrent submissions never get the same number (PostgreSQL locks the row; SQLite has one writer), and a
 * number once handed out is never handed out again, even when its batch fails.
 */
export async function nextControlNumber(tx: Db, organizationId: string, name: string): Promise<number> {
  await tx.controlNumberSequence.upsert({
    where: { organizationId_name: { organizationId, name } },
    create: { organizationId, name, last: 0 },
    update: {},
  });
  const row = await tx.controlNumberSequence.update({
    where: { organizationId_name: { organizationId, name } },
    data: { last: { increment: 1 } },
  });
  return row.last;
}
