// npm run bench:limits -w @revcycle/core: how fast the server refuses requests built to pin it — 1 000 aliases of
// an aggregate, a 3 000-fragment chain, a body over the limit — beside a baseline measured in the same run: an
// ordinary small query (`viewer`). Times are in-process (yoga.fetch, no socket): the server's own time. Not a test.
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, signToken } from '../src/index.ts';
import { scratchDatabase, timingTable } from './bench-database.ts';

const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const secret = 'bench-secret-bench-secret-bench-secret-01';
const api = createBillingApi({ database: db, auth: { secret }, logger: pino({ level: 'silent' }) });
const org = await api.organizations.create({ name: 'Bench' });
const token = await signToken({ secret, organizationId: org.id, roles: ['admin'], userId: 'bench' });

const aliases = Array.from(
  { length: 1_000 },
  (_, i) => `a${i}: arKeyFigures(from: "2026-01-01", to: "2026-01-31") { chargesCents }`,
);
const fragments = Array.from({ length: 3_000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`);
const bodies = {
  baseline: JSON.stringify({ query: '{ viewer { userId } }' }),
  aliases: JSON.stringify({ query: `{ ${aliases.join(' ')} }` }),
  fragments: JSON.stringify({
    query: `{ ...F0 } ${fragments.join(' ')} fragment F3000 on Query { viewer { userId } }`,
  }),
  oversized: JSON.stringify({ query: '{ viewer { userId } }', variables: { padding: 'x'.repeat(2_000_000) } }),
};

async function send(body: string, expected: number): Promise<void> {
  const response = await api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'content-length': String(body.length),
    },
    body,
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`expected ${expected}, got ${response.status}: ${text.slice(0, 200)}`);
  if (expected === 200 && body !== bodies.baseline && !text.includes('VALIDATION_FAILED'))
    throw new Error(`not refused: ${text.slice(0, 200)}`);
}

const time = timingTable(`Refusing hostile requests (${database.target.provider}, 50 runs each after 5 warm-up)`);
await time('baseline: { viewer { userId } }', () => send(bodies.baseline, 200));
await time(`1 000 aliases of arKeyFigures (${(bodies.aliases.length / 1024).toFixed(0)} KB)`, () =>
  send(bodies.aliases, 200),
);
await time(`3 000-fragment chain (${(bodies.fragments.length / 1024).toFixed(0)} KB)`, () =>
  send(bodies.fragments, 200),
);
await time(`body over maxBodyBytes (${(bodies.oversized.length / 1e6).toFixed(1)} MB)`, () =>
  send(bodies.oversized, 413),
);

await api.close();
await db.$disconnect();
await database.drop();
