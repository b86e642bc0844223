import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const all = files(SRC)
  .map((f) => relative(SRC, f))
  .filter((f) => !f.startsWith('generated/'));
const importsOf = (file: string) =>
  [...readFileSync(join(SRC, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'(\.{1,2}\/[^']+)'/gm)].map((m) =>
    relative(SRC, resolve(SRC, file, '..', m[1]!)),
  );

// The doors (GraphQL, the HTTP server, the package entry) sit above the domain; nothing below may reach up.
const DOORS = ['graphql/', 'api/'];
const isDoor = (file: string) => DOORS.some((d) => file.startsWith(d)) || file === 'index.ts';

describe('layers', () => {
  it('keeps every domain module free of the GraphQL layer and the HTTP server', () => {
    const upward = all
      .filter((f) => !isDoor(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => DOORS.some((d) => i.startsWith(d)))
          .map((i) => `${f} → ${i}`),
      );
    expect(upward).toEqual([]);
  });

  it('lays out every GraphQL feature one way: <name>-types, -queries, -mutations, -subscriptions (and shared -inputs, -ids)', () => {
    const features = all.filter(
      (f) => f.startsWith('graphql/') && f.split('/').length === 3 && !f.startsWith('graphql/scalars/'),
    );
    expect(features.length).toBeGreaterThan(40);
    expect(features.filter((f) => !/-(types|queries|mutations|subscriptions|inputs|ids)\.ts$/.test(f))).toEqual([]);
    const mutationsOutside = features.filter(
      (f) => !f.endsWith('-mutations.ts') && readFileSync(join(SRC, f), 'utf8').includes('builder.mutationField('),
    );
    const queriesOutside = features.filter(
      (f) => !f.endsWith('-queries.ts') && /builder\.queryFields?\(/.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect([...mutationsOutside, ...queriesOutside]).toEqual([]);
  });

  it('leaves the business rules out of the resolvers: no mutation resolver opens a transaction or writes an audit', () => {
    const doors = all.filter((f) => f.startsWith('graphql/'));
    const offenders = doors.filter((f) =>
      /\baudited\(|recordAuditEvent\(|\$transaction\(|\.(create|update|upsert|delete)(Many)?\(\{/.test(
        readFileSync(join(SRC, f), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('runs raw SQL only through scopedSql and insertMany (and the health check’s SELECT 1)', () => {
    const raw = all.filter((f) => /\$(queryRaw|executeRaw)/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(raw.sort()).toEqual([
      'api/create-billing-api.ts',
      'api/use-healthz.ts',
      'db/bulk-insert.ts',
      'db/scoped-sql.ts',
    ]);
  });
});
