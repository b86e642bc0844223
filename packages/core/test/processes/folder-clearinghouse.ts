import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definePayerConnector } from '../../src/index.ts';

/**
 * A clearinghouse that takes each batch as a file in a folder, named by batch id, once (as the connector contract
 * asks: the same batch sent again is the same delivery). `afterDelivery` runs once the file is written, before
 * the connector answers: the crash test stops the process there.
 */
export function folderClearinghouse(folder: string, afterDelivery: () => Promise<void> = async () => {}) {
  mkdirSync(folder, { recursive: true });
  return definePayerConnector({
    id: 'folder-clearinghouse',
    displayName: 'Folder clearinghouse',
    capabilities: ['submit'],
    async submit(batch) {
      const file = join(folder, `${batch.batchId}.x12`);
      if (!existsSync(file)) writeFileSync(file, batch.content);
      await afterDelivery();
      return { reference: `FOLDER-${batch.interchangeControlNumber}` };
    },
  });
}
