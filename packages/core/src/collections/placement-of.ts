import type { CollectionPlacement, Db } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';

export async function placementOf(db: Db, placementId: string): Promise<CollectionPlacement> {
  const placement = await db.collectionPlacement.findUnique({ where: { id: placementId } });
  if (!placement) throw new NotFoundError('CollectionPlacement', globalId('CollectionPlacement', placementId));
  return placement;
}
