import { createClient } from 'graphql-ws';

// The page is served by the same server as the API: GraphQL at /graphql, subscriptions over graphql-ws there too.
// `?token=<JWT>&practice=<Practice id>` says who is looking and at which practice.
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const practiceId = params.get('practice') ?? '';
const dollars = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
const $ = (id: string) => document.getElementById(id)!;

async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

type ClaimRow = {
  id: string;
  patientControlNumber: string;
  status: string;
  totalChargeCents: number;
  patient: { lastName: string; firstName: string };
};

function claimRow(c: ClaimRow): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.claimId = c.id;
  row.innerHTML = `<td>${c.patientControlNumber}</td><td>${c.patient.lastName}, ${c.patient.firstName}</td><td class="money">${dollars(c.totalChargeCents)}</td><td><span class="status" data-status="${c.status}">${c.status}</span></td>`;
  return row;
}

async function loadClaims(): Promise<void> {
  const data = await query<{ claims: { nodes: ClaimRow[] } }>(
    `query($practiceId: ID) { claims(first: 50, filter: { practiceId: $practiceId }) { nodes { id patientControlNumber status totalChargeCents patient { lastName firstName } } } }`,
    { practiceId },
  );
  $('claims').replaceChildren(...data.claims.nodes.map(claimRow));
}

type Buckets = {
  days0to30Cents: number;
  days31to60Cents: number;
  days61to90Cents: number;
  days91to120Cents: number;
  over120Cents: number;
  totalCents: number;
};
async function loadAr(): Promise<void> {
  const fields = 'days0to30Cents days31to60Cents days61to90Cents days91to120Cents over120Cents totalCents';
  const data = await query<{ arAging: { insurance: Buckets; patient: Buckets } }>(
    `query($asOf: Date!) { arAging(asOf: $asOf, groupBy: PRACTICE) { insurance { ${fields} } patient { ${fields} } } }`,
    { asOf: new Date().toISOString().slice(0, 10) },
  );
  $('ar').replaceChildren(
    ...(['insurance', 'patient'] as const).map((account) => {
      const b = data.arAging[account];
      const row = document.createElement('tr');
      row.dataset.account = account;
      row.innerHTML = `<th scope="row">${account === 'insurance' ? 'Insurance' : 'Patient'}</th>${[b.days0to30Cents, b.days31to60Cents, b.days61to90Cents, b.days91to120Cents, b.over120Cents, b.totalCents].map((c) => `<td class="money">${dollars(c)}</td>`).join('')}`;
      return row;
    }),
  );
}

async function loadRemittances(): Promise<void> {
  const data = await query<{
    remittances: {
      nodes: Array<{ traceNumber: string; payerName: string; paymentCents: number; paymentDate: string | null }>;
    };
  }>(`{ remittances(first: 5) { nodes { traceNumber payerName paymentCents paymentDate } } }`);
  $('remittances').replaceChildren(
    ...data.remittances.nodes.map((r) => {
      const item = document.createElement('li');
      item.dataset.trace = r.traceNumber;
      item.textContent = `${r.paymentDate ?? ''} ${r.payerName}: ${dollars(r.paymentCents)} (${r.traceNumber})`;
      return item;
    }),
  );
}

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  $('events').prepend(item);
}

function onStatusChange(e: { claim: ClaimRow | null; from: string | null; to: string; reason: string | null }): void {
  if (!e.claim) return;
  const existing = document.querySelector<HTMLTableRowElement>(`tr[data-claim-id="${e.claim.id}"]`);
  const row = claimRow({ ...e.claim, status: e.to });
  row.classList.add('flash');
  if (existing) existing.replaceWith(row);
  else $('claims').prepend(row);
  logEvent(`${e.claim.patientControlNumber}: ${e.from ?? 'new'} → ${e.to}${e.reason ? ` (${e.reason})` : ''}`);
}

let refresh: ReturnType<typeof setTimeout> | undefined;
/** Balance events come in bursts (one per patient of an 835): refresh the A/R and remittances once per burst. */
function refreshMoney(): void {
  clearTimeout(refresh);
  refresh = setTimeout(() => void Promise.all([loadAr(), loadRemittances()]), 100);
}

const ws = createClient({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
  connectionParams: { authorization: `Bearer ${token}` },
  on: {
    connected: () => {
      $('connection').textContent = 'live';
    },
    closed: () => {
      $('connection').textContent = 'reconnecting…';
    },
  },
});

ws.subscribe<{ claimStatusChanged: Parameters<typeof onStatusChange>[0] }>(
  {
    query: `subscription($practiceId: ID) { claimStatusChanged(practiceId: $practiceId) { from to reason claim { id patientControlNumber status totalChargeCents patient { lastName firstName } } } }`,
    variables: { practiceId },
  },
  {
    next: ({ data }) => data && onStatusChange(data.claimStatusChanged),
    error: (e) => logEvent(`claim updates stopped: ${JSON.stringify(e)}`),
    complete: () => {},
  },
);
ws.subscribe<{
  balanceChanged: {
    balance: { patientCents: number };
    patient: { lastName: string } | null;
    entry: { kind: string; amountCents: number } | null;
  };
}>(
  {
    query: `subscription($practiceId: ID) { balanceChanged(practiceId: $practiceId) { balance { patientCents } patient { lastName } entry { kind amountCents } } }`,
    variables: { practiceId },
  },
  {
    next: ({ data }) => {
      if (!data) return;
      const e = data.balanceChanged;
      logEvent(
        `${e.patient?.lastName ?? 'a patient'} now owes ${dollars(e.balance.patientCents)} (${e.entry?.kind ?? 'change'})`,
      );
      refreshMoney();
    },
    error: (e) => logEvent(`balance updates stopped: ${JSON.stringify(e)}`),
    complete: () => {},
  },
);

await Promise.all([loadClaims(), loadAr(), loadRemittances()]);
document.body.dataset.ready = 'true';
