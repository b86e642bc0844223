import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { CodeSetRelease, CodeSystem, Db, Prisma } from '../db/prisma-client.ts';
import { ConflictError, ValidationError } from '../errors/billing-errors.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { openRowSink } from '../db/row-sink.ts';
import { isCalendarDate } from '../util/calendar-date.ts';
import { CodeSetFormatError } from './formats/code-set-format.ts';
import type { CodeSetFormat, ContinuationLine } from './formats/code-set-format.ts';
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

/** Rows handed to the sink at a time: one multi-row INSERT on SQLite (8 columns × 1 000), a COPY write on PostgreSQL. */
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
 * Imports one release of a code set from its publisher's file, streaming: rows go in one COPY on PostgreSQL and in
 * multi-row INSERTs of 1 000 on SQLite, under a release marked IMPORTING, which lookups ignore, and the release
 * turns READY only when the last row is in — a
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
    const { rows, modifiers, checksum } = await writeRows(root, release.id, FORMAT_OF_SYSTEM[input.system], input);
    const ready = await root.codeSetRelease.update({
      where: { id: release.id },
      data: { status: 'READY', checksum, rowCount: rows, modifierCount: modifiers },
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
): Promise<{ rows: number; modifiers: number; checksum: string }> {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  let modifiers = 0;
  let batch: Array<Record<string, unknown>> = [];
  let rows = 0;
  const sink = await openRowSink(root, TABLES[format.table]);
  // The last row stays unwritten until the next one arrives: a continuation line may still lengthen it.
  const flush = async (keepLast: boolean) => {
    const written = keepLast ? batch.slice(0, -1) : batch;
    if (written.length === 0) return;
    await sink.write(written.map((row) => ({ id: randomUUID(), releaseId, ...row })));
    rows += written.length;
    batch = batch.slice(written.length);
    input.onProgress?.(rows);
  };
  try {
    let lineNumber = 0;
    for await (const line of linesOf(input.open)) {
      lineNumber++;
      hash.update(`${line}\n`);
      const row = format.parseLine(line, lineNumber);
      if (!row) continue;
      if ('continues' in row) {
        continueDescription(batch.at(-1), row, lineNumber);
        continue;
      }
      // Codes and unit limits are one per code in a release, MCE edits one per code and list; pair edits repeat.
      if ('code' in row) {
        const key = 'edit' in row ? `${row.code} ${row.edit}` : row.code;
        if (seen.has(key)) throw new CodeSetFormatError(lineNumber, `${key} appears twice`);
        seen.add(key);
        if (format.table === 'codes' && row.code.length === 2) modifiers++;
      }
      batch.push(row as unknown as Record<string, unknown>);
      if (batch.length > BATCH_ROWS) await flush(true);
    }
    await flush(false);
    await sink.end();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return { rows, modifiers, checksum: hash.digest('hex') };
}

/** Appends a continuation line's text to the long description of the code it continues (the row before it). */
function continueDescription(last: Record<string, unknown> | undefined, line: ContinuationLine, lineNumber: number) {
  if (last?.code !== line.continues)
    throw new CodeSetFormatError(lineNumber, `continues ${line.continues}, which is not the code on the line before`);
  if (line.text) last.longDescription = [last.longDescription, line.text].filter(Boolean).join(' ');
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
