import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { CodeSetRelease, CodeSystem, Db, Prisma } from '../db/prisma-client.ts';
import { ConflictError, ValidationError } from '../errors/billing-errors.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { insertRowsOf } from '../db/bulk-insert.ts';
import { isCalendarDate } from '../util/calendar-date.ts';
import { CodeSetFormatError } from './formats/code-set-format.ts';
import type { CodeSetFormat } from './formats/code-set-format.ts';
import { FORMAT_OF_SYSTEM } from './formats/format-of-system.ts';

/** Where a release file's text comes from: opened once, or twice when the release is already there. */
export type CodeSetSource = () => Readable | AsyncIterable<string | Uint8Array>;

export interface ImportCodeSetInput {
  system: CodeSystem;
  /** The publisher's release name, e.g. 2026 (ICD-10-CM FY2026) or 2026Q1. */
  version: string;
  /** YYYY-MM-DD, the first date of service the release governs (ICD-10-CM: October 1 of the year before). */
  effectiveDate: string;
  open: CodeSetSource;
  /** Who imported it, for the record (a user id, "cli"). */
  importedBy?: string;
  /** Called after every batch written, with the rows so far. */
  onProgress?: (rows: number) => void;
}

export interface ImportCodeSetResult {
  release: CodeSetRelease;
  /** True when this very file was imported before: nothing was written. */
  alreadyImported: boolean;
}

/** Rows written per multi-row insert: bounded parameters on SQLite (8 columns × 1 000), few round trips. */
const BATCH_ROWS = 1_000;

/** The table each format's rows go to. */
const TABLES: Record<CodeSetFormat['table'], Prisma.ModelName> = {
  codes: 'MedicalCode',
  pairEdits: 'ProcedurePairEdit',
  unitLimits: 'UnitLimit',
  diagnosisEdits: 'DiagnosisEdit',
};
/** An IMPORTING release older than this was left by a crashed import and is replaced. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Imports one release of a code set from its publisher's file, streaming: rows go in plain multi-row INSERTs of 1 000 under
 * a release marked IMPORTING, which lookups ignore, and the release turns READY only when the last row is in — a
 * crash or a bad line leaves nothing visible (the bad line is named, the partial release removed). Idempotent per
 * release: the same file again answers the existing release; a different file under a version already loaded is a
 * conflict (a correction is a new version).
 */
export async function importCodeSet(root: Db, input: ImportCodeSetInput): Promise<ImportCodeSetResult> {
  if (!isCalendarDate(input.effectiveDate))
    throw new ValidationError([
      { path: ['input', 'effectiveDate'], code: 'INVALID_DATE', message: 'effectiveDate: not a calendar date' },
    ]);
  const key = { system_version: { system: input.system, version: input.version } };
  const existing = await root.codeSetRelease.findUnique({ where: key });
  if (existing?.status === 'READY') {
    if ((await checksumOf(input.open)) === existing.checksum) return { release: existing, alreadyImported: true };
    throw new ConflictError(
      `${input.system} ${input.version} was imported from another file; import a corrected file as a new version`,
    );
  }
  if (existing && Date.now() - existing.createdAt.getTime() < ABANDONED_AFTER_MS)
    throw new ConflictError(`${input.system} ${input.version} is being imported; try again when it is done`);
  if (existing) await root.codeSetRelease.delete({ where: { id: existing.id } });

  let release: CodeSetRelease;
  try {
    release = await root.codeSetRelease.create({
      data: {
        system: input.system,
        version: input.version,
        effectiveDate: input.effectiveDate,
        checksum: '',
        importedBy: input.importedBy ?? null,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(`${input.system} ${input.version} is being imported; try again when it is done`);
    throw error;
  }
  try {
    const { rows, checksum } = await writeRows(root, release.id, FORMAT_OF_SYSTEM[input.system], input);
    const ready = await root.codeSetRelease.update({
      where: { id: release.id },
      data: { status: 'READY', checksum, rowCount: rows },
    });
    return { release: ready, alreadyImported: false };
  } catch (error) {
    await root.codeSetRelease.delete({ where: { id: release.id } });
    if (error instanceof CodeSetFormatError)
      throw new ValidationError([{ path: ['input', 'content'], code: 'INVALID_FORMAT', message: error.message }]);
    throw error;
  }
}

async function writeRows(
  root: Db,
  releaseId: string,
  format: CodeSetFormat,
  input: ImportCodeSetInput,
): Promise<{ rows: number; checksum: string }> {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  let batch: Array<Record<string, unknown>> = [];
  let rows = 0;
  const table = TABLES[format.table];
  const flush = async () => {
    if (batch.length === 0) return;
    await insertRowsOf(
      root,
      table,
      batch.map((row) => ({ id: randomUUID(), releaseId, ...row })),
    );
    rows += batch.length;
    batch = [];
    input.onProgress?.(rows);
  };
  let lineNumber = 0;
  for await (const line of linesOf(input.open)) {
    lineNumber++;
    hash.update(`${line}\n`);
    const row = format.parseLine(line, lineNumber);
    if (!row) continue;
    // Codes and unit limits are one per code in a release, MCE edits one per code and list; pair edits repeat.
    if ('code' in row) {
      const key = 'edit' in row ? `${row.code} ${row.edit}` : row.code;
      if (seen.has(key)) throw new CodeSetFormatError(lineNumber, `${key} appears twice`);
      seen.add(key);
    }
    batch.push(row as unknown as Record<string, unknown>);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return { rows, checksum: hash.digest('hex') };
}

async function checksumOf(open: CodeSetSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const line of linesOf(open)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** The file's lines without their endings (LF or CRLF), read as a stream. */
function linesOf(open: CodeSetSource): AsyncIterable<string> {
  const source = open();
  const stream = source instanceof Readable ? source : Readable.from(source);
  return createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}
