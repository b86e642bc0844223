import type { CollectionPlacement, Db, Document } from '../db/prisma-client.ts';
import type { DocumentRenderer, RenderedFile } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';

/** Keeps a rendered validation notice with its placement: the evidence of exactly what was sent. */
export function storeNoticeDocument(
  tx: Db,
  placement: CollectionPlacement,
  file: RenderedFile,
  renderer: DocumentRenderer,
): Promise<Document> {
  return tx.document.create({
    data: {
      organizationId: placement.organizationId,
      kind: 'validation-notice',
      contentType: file.contentType,
      fileName: file.fileName,
      bytes: Buffer.from(file.bytes),
      rendererKey: pluginKey(renderer),
      placementId: placement.id,
      agencyId: placement.agencyId,
    },
  });
}
