import type { Db } from '../db/prisma-client.ts';

/**
 * Takes the lease on a job for `ttlMs` when it is free, expired, or already ours: one conditional write, atomic on
 * SQLite and PostgreSQL alike, so of several instances exactly one wins each round.
 */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch {
    return false; // another instance holds it (or created it a moment ago)
  }
}

/** Gives the lease back early, so the next round need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}
