import type { Db } from './prisma-client.ts';

/** Upper case without accents: "Núñez" → "NUNEZ". Names are searched by this key, with an index, on both databases. */
export function searchKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase();
}

/**
 * Prefix match on a search key as a range (key ≥ "SMI" and < "SMJ"): both SQLite and PostgreSQL answer it from a
 * b-tree index, where LIKE/ILIKE with a wildcard would scan (case-insensitive LIKE cannot use an ordinary index).
 */
export function keyPrefixRange(prefix: string): { gte: string; lt: string } | undefined {
  const key = searchKey(prefix);
  if (!key) return undefined;
  const last = key.charCodeAt(key.length - 1);
  return { gte: key, lt: key.slice(0, -1) + String.fromCharCode(last + 1) };
}

type PatientData = Record<string, unknown> & { firstName?: unknown; lastName?: unknown };

function withKeys(data: PatientData): PatientData {
  const keyed: PatientData = { ...data };
  if (typeof data.lastName === 'string') keyed.lastNameKey = searchKey(data.lastName);
  if (typeof data.firstName === 'string') keyed.firstNameKey = searchKey(data.firstName);
  return keyed;
}

/** A client that keeps Patient.lastNameKey/firstNameKey in step with the names on every write. */
export function withSearchKeys(db: Db): Db {
  return db.$extends({
    query: {
      patient: {
        async create({ args, query }) {
          return query({ ...args, data: withKeys(args.data as PatientData) as typeof args.data });
        },
        async update({ args, query }) {
          return query({ ...args, data: withKeys(args.data as PatientData) as typeof args.data });
        },
        async upsert({ args, query }) {
          return query({
            ...args,
            create: withKeys(args.create as PatientData) as typeof args.create,
            update: withKeys(args.update as PatientData) as typeof args.update,
          });
        },
        async createMany({ args, query }) {
          const rows = Array.isArray(args.data) ? args.data : [args.data];
          return query({ ...args, data: rows.map((r) => withKeys(r as PatientData)) as typeof args.data });
        },
      },
    },
  }) as unknown as Db;
}
