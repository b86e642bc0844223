import type { CoveragePriority, Db } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';

export const PRIORITIES: CoveragePriority[] = ['PRIMARY', 'SECONDARY', 'TERTIARY'];

/**
 * Puts a coverage at a priority, keeping exactly one active coverage per priority: when the slot is taken, the
 * coverage holding it moves down one (and so on); a fourth active coverage is refused.
 */
export async function placeCoverage(
  tx: Db,
  patientId: string,
  coverageId: string,
  priority: CoveragePriority,
  path: Array<string | number>,
): Promise<void> {
  const others = await tx.coverage.findMany({
    where: { patientId, active: true, NOT: { id: coverageId } },
    orderBy: { createdAt: 'asc' },
  });
  const slots: Array<string | undefined> = [undefined, undefined, undefined];
  const overflow: string[] = [];
  for (const c of others) {
    const i = PRIORITIES.indexOf(c.priority);
    if (slots[i] === undefined) slots[i] = c.id;
    else overflow.push(c.id);
  }
  let carry: string | undefined = coverageId;
  for (let i = PRIORITIES.indexOf(priority); i < 3 && carry; i++) [slots[i], carry] = [carry, slots[i]];
  if (carry || overflow.length > 0) {
    throw new ValidationError([
      {
        path,
        code: 'TOO_MANY_COVERAGES',
        message: `${path.slice(1).join('.')}: a patient has at most a primary, a secondary and a tertiary active coverage; end one first`,
      },
    ]);
  }
  for (const [i, id] of slots.entries()) {
    if (!id) continue;
    const current = id === coverageId ? undefined : others.find((c) => c.id === id)?.priority;
    if (id === coverageId || current !== PRIORITIES[i])
      await tx.coverage.update({ where: { id }, data: { priority: PRIORITIES[i] } });
  }
}

/** Swaps priorities: the coverage at the target priority takes the moved one's old priority. */
export async function swapCoveragePriority(
  tx: Db,
  coverage: { id: string; patientId: string; priority: CoveragePriority },
  priority: CoveragePriority,
): Promise<void> {
  const holder = await tx.coverage.findFirst({
    where: { patientId: coverage.patientId, active: true, priority, NOT: { id: coverage.id } },
  });
  if (holder) await tx.coverage.update({ where: { id: holder.id }, data: { priority: coverage.priority } });
  await tx.coverage.update({ where: { id: coverage.id }, data: { priority } });
}
