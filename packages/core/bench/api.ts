// npm run bench:api -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL): requests per second over HTTP,
// with autocannon (50 connections, BENCH_API_SECONDS per load, default 5), of a claim query and of a payment
// mutation, beside the baseline measured against the same server in the same run: `{ __typename }`, which is all of
// the server's own cost per request (HTTP, auth, parsing, validation, limits) and nothing of the database's. Each
// payment has a key of its own and goes to one of 200 patients in turn. This machine's speed drifts by ±15 % from
// one load to the next, so the three loads run in turn BENCH_API_ROUNDS times (default 3) and each ratio is taken
// within its round; the table shows the median round's figures and every round's ratio. Not a test.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const server = spawn(
  process.execPath,
  ['--import', 'tsx', '--conditions=@revcycle/source', join(import.meta.dirname, 'api-server.ts')],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: join(import.meta.dirname, '..'),
  },
);
const ready = await new Promise<{ port: number; token: string; claimId: string; patients: string[] }>((resolve) => {
  let out = '';
  server.stdout!.on('data', (chunk) => {
    out += chunk;
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
  });
});

const claimQuery = JSON.stringify({
  query: `query($id: ID!) { node(id: $id) { ... on Claim { id status patientControlNumber totalChargeCents lines { procedureCode chargeCents } } } }`,
  variables: { id: ready.claimId },
});
let sequence = 0;
const payment = () =>
  JSON.stringify({
    query: `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename ... on PatientPayment { id amountCents } } }`,
    variables: {
      input: {
        patientId: ready.patients[sequence % ready.patients.length],
        amountCents: 1_000,
        method: 'CARD',
        idempotencyKey: `bench-${++sequence}`,
      },
    },
  });

async function load(name: string, body: string | (() => string), expected: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${ready.port}/graphql`,
    connections: Number(process.env.BENCH_API_CONNECTIONS ?? 50),
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.token}` },
    ...(typeof body === 'string'
      ? { body }
      : { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] }),
    verifyBody: (text) => String(text).includes(expected),
  });
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  return { name, rate: result.requests.average, p99: result.latency.p99, failed, total: result.requests.total };
}

type Run = Awaited<ReturnType<typeof load>>;
const rounds: Run[][] = [];
for (let round = 0; round < ROUNDS; round++)
  rounds.push([
    await load('baseline: { __typename }', JSON.stringify({ query: '{ __typename }' }), '"Query"'),
    await load('claim query (node with lines)', claimQuery, '"patientControlNumber"'),
    await load('recordPatientPayment (a new payment each)', payment, '"PatientPayment"'),
  ]);
const ratio = (runs: Run[], i: number) => runs[i]!.rate / runs[0]!.rate;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
console.log(
  `\n${`HTTP, ${process.env.BENCH_API_CONNECTIONS ?? 50} connections, ${ROUNDS} rounds of ${SECONDS} s`.padEnd(44)}${'req/s'.padStart(9)}${'p99'.padStart(10)}${'failed'.padStart(8)}${'vs baseline'.padStart(13)}   every round`,
);
for (let i = 0; i < 3; i++) {
  const ratios = rounds.map((runs) => ratio(runs, i));
  // The median round's rate and latency are shown: by rate for the baseline, by ratio for the others.
  const ranked = i === 0 ? rounds.map((runs) => runs[0]!.rate) : ratios;
  const r = rounds[ranked.indexOf(median(ranked))]![i]!;
  const failed = rounds.reduce((sum, runs) => sum + runs[i]!.failed, 0);
  const every = ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ');
  console.log(
    `${r.name.padEnd(44)}${r.rate.toFixed(0).padStart(9)}${`${r.p99} ms`.padStart(10)}${String(failed).padStart(8)}${`${(median(ratios) * 100).toFixed(0)} %`.padStart(13)}   ${every}`,
  );
}
server.stdin!.end();
await new Promise((resolve) => server.once('exit', resolve));
