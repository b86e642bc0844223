import type { CollectionAgency, Db } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';

export async function agencyOf(db: Db, agencyId: string): Promise<CollectionAgency> {
  const agency = await db.collectionAgency.findUnique({ where: { id: agencyId } });
  if (!agency) throw new NotFoundError('CollectionAgency', globalId('CollectionAgency', agencyId));
  return agency;
}
