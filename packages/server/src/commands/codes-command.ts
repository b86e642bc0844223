import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyMigrations, createDb, importCodeSet } from '@revcycle/core';
import type { ImportCodeSetInput } from '@revcycle/core';
import type { ServerConfig } from '../env-config.ts';
import { UsageError } from './usage-error.ts';

const SYSTEMS = [
  'ICD10CM',
  'HCPCS',
  'CPT',
  'NCCI_PTP_PRACTITIONER',
  'NCCI_PTP_OUTPATIENT',
  'MUE_PRACTITIONER',
  'MUE_OUTPATIENT',
  'CUSTOM',
  'MCE',
  'ADD_ON',
] as const;

/**
 * `revcycle codes import --system <S> --version <V> --effective <YYYY-MM-DD> <file>`: imports a code-set release
 * from its publisher's file, streaming, with a progress line on stderr every 100 000 rows. The same file again is
 * a no-op; the installation's every organization reads what it loads.
 */
export async function codesCommand(config: ServerConfig, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'import') throw new UsageError('codes needs an action: import');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { system: { type: 'string' }, version: { type: 'string' }, effective: { type: 'string' } },
  });
  const system = values.system as ImportCodeSetInput['system'] | undefined;
  if (!system || !SYSTEMS.includes(system)) throw new UsageError(`codes import needs --system ${SYSTEMS.join('|')}`);
  if (!values.version || !values.effective || positionals.length !== 1)
    throw new UsageError('codes import needs --version <name> --effective <YYYY-MM-DD> and one file');
  await applyMigrations(config.database);
  const db = createDb(config.database);
  try {
    let reported = 0;
    const { release, alreadyImported } = await importCodeSet(db, {
      system,
      version: values.version,
      effectiveDate: values.effective,
      open: () => createReadStream(positionals[0]!),
      importedBy: 'cli',
      onProgress: (rows) => {
        if (rows - reported < 100_000) return;
        reported = rows;
        console.error(`${rows} rows`);
      },
    });
    console.log(
      alreadyImported
        ? `already imported: ${release.system} ${release.version} (${release.rowCount} rows)`
        : `imported: ${release.system} ${release.version}, ${release.rowCount} rows, in force from ${release.effectiveDate}`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}
