import { once } from 'node:events';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { insertRowsOf } from './bulk-insert.ts';
import { databaseProviderOf, targetOf } from './prisma-client.ts';
import type { Db, Prisma } from './prisma-client.ts';

type Row = Record<string, unknown>;

/** Where a bulk import writes its rows, batch after batch; nothing written is visible until `end` (PostgreSQL). */
export interface RowSink {
  write(rows: readonly Row[]): Promise<void>;
  /** Completes the writing: on PostgreSQL the COPY ends and its rows appear at once. */
  end(): Promise<void>;
  /** Gives up: on PostgreSQL the COPY is cancelled and none of its rows are kept. */
  abort(): Promise<void>;
}

/**
 * A sink for rows that are no tenant's (code sets), on the unscoped client `db`. On PostgreSQL it is one
 * `COPY … FROM STDIN` on a connection of its own, which is what PostgreSQL loads bulk data fastest with; on SQLite
 * (and for a client not opened by createDb) the rows go in multi-row INSERTs, batch by batch.
 * Every row names the same columns, in the same order, as the first.
 */
export async function openRowSink(db: Db, model: Prisma.ModelName): Promise<RowSink> {
  const target = targetOf(db);
  if (databaseProviderOf(db) !== 'postgresql' || !target) return insertingSink(db, model);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let columns: string[] | undefined;
  let copy: Writable | undefined;
  let failure: Error | undefined;
  const open = (first: Row) => {
    columns = Object.keys(first);
    const names = columns.map((c) => `"${c}"`).join(', ');
    copy = client.query(copyFrom(`COPY "${model}" (${names}) FROM STDIN`));
    copy.on('error', (error) => {
      failure = error;
    });
    return copy;
  };
  return {
    async write(rows) {
      if (failure) throw failure;
      if (rows.length === 0) return;
      const stream = copy ?? open(rows[0]!);
      const text = rows.map((row) => `${columns!.map((c) => copyText(row[c])).join('\t')}\n`).join('');
      if (!stream.write(text)) await drainedOrFailed(stream);
      if (failure) throw failure;
    },
    async end() {
      try {
        if (copy) {
          copy.end();
          await once(copy, 'finish');
        }
        if (failure) throw failure;
      } finally {
        await client.end();
      }
    },
    async abort() {
      // Ending the connection mid-COPY rolls the COPY back: none of its rows are kept.
      copy?.destroy();
      await client.end().catch(() => undefined);
    },
  };
}

/** Waits for a full stream to take more, or to fail; its listeners are removed either way. */
function drainedOrFailed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

function insertingSink(db: Db, model: Prisma.ModelName): RowSink {
  return {
    write: (rows) => insertRowsOf(db, model, rows),
    end: async () => {},
    abort: async () => {},
  };
}

/** A value in COPY's text format: \N for null, and backslash, tab and line breaks escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
