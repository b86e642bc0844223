import type { CollectionPlacement, Db } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { exporterOf } from './place-accounts.ts';

/**
 * Takes an account back from its agency (the patient paid or agreed a plan at the practice, or a biller asked):
 * the placement is RECALLED, the agency's exporter writes the recall file (stored for sending), and the account
 * returns to in-house billing, where the next cycle picks it up. Runs inside the caller's transaction.
 */
export async function recallPlacements(
  ctx: DomainContext,
  tx: Db,
  patientIds: string[],
  reason: string,
  today: string,
): Promise<CollectionPlacement[]> {
  const where = { patientId: { in: patientIds }, status: { in: ['PLACED' as const, 'DISPUTED' as const] } };
  // Most accounts were never placed: one narrow read answers that before the agency and patient are read.
  if (!(await tx.collectionPlacement.findFirst({ where, select: { id: true } }))) return [];
  const active = await tx.collectionPlacement.findMany({
    where,
    include: { agency: true, patient: { select: { accountNumber: true } } },
  });
  const recalled = [];
  for (const placement of active) {
    const updated = await tx.collectionPlacement.update({
      where: { id: placement.id },
      data: { status: 'RECALLED', recalledAt: ctx.clock.now(), statusReason: reason },
    });
    await tx.dunningState.updateMany({
      where: { accountKey: placement.accountKey, status: 'PLACED' },
      data: { status: 'COMPLETED', explanation: `Recalled from ${placement.agencyName} on ${today}: ${reason}.` },
    });
    if (placement.agency) {
      const exporter = exporterOf(ctx, placement.agency);
      const files = await exporter.exportRecalls(
        [{ placementId: placement.id, accountNumber: placement.patient.accountNumber, reason, recalledOn: today }],
        { agencyName: placement.agencyName, batchDate: today },
      );
      for (const file of files) {
        await tx.document.create({
          data: {
            organizationId: placement.organizationId,
            kind: 'recall-file',
            contentType: file.contentType,
            fileName: file.fileName,
            bytes: Buffer.from(file.bytes),
            rendererKey: pluginKey(exporter),
            agencyId: placement.agency.id,
            placementId: placement.id,
          },
        });
      }
    }
    recalled.push(updated);
  }
  return recalled;
}
