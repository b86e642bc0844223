import type { Db, Remittance } from '../db/prisma-client.ts';
import { enrollmentGaps } from './enrollment-gaps.ts';

/**
 * For the payments just stored: which came from a payer for a practice whose ERA enrollment with that payer is
 * required and not live (the payer may stop sending ERAs, or send them elsewhere). One read for the whole file: a
 * file names a handful of payer and payee pairs, whatever its size.
 */
export async function eraEnrollmentWarnings(tx: Db, remittances: readonly Remittance[]): Promise<string[]> {
  const pairs = new Map<string, { payerId: string; practiceId: string }>();
  for (const r of remittances)
    if (r.payerId && r.practiceId)
      pairs.set(`${r.payerId} ${r.practiceId}`, { payerId: r.payerId, practiceId: r.practiceId });
  if (!pairs.size) return [];
  const enrollments = await tx.payerEnrollment.findMany({
    where: { transaction: 'ERA_835', OR: [...pairs.values()] },
    include: { payer: { select: { name: true } }, practice: { select: { npi: true } } },
  });
  return [...pairs.values()].flatMap(({ payerId, practiceId }) => {
    const ours = enrollments.filter((e) => e.payerId === payerId && e.practiceId === practiceId);
    if (!ours.length) return [];
    return enrollmentGaps(ours, {
      payerId,
      payerName: ours[0]!.payer.name,
      npis: [...new Set(ours.map((e) => e.npi))],
      transaction: 'ERA_835',
    }).map((gap) => `ERAs arrived: ${gap}`);
  });
}
