import { globalId, ManualClock, ROLES } from '@revcycle/core';
import type { Db } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse } from './remittance-fixtures.ts';
import { organizationShared, practiceWithEverything, sweepPlugins } from './sweep-world.ts';

/**
 * Every field of the schema that takes an id, called with the id of a record the caller may not see: as another
 * organization, and as a user limited to another practice. The answer must equal the answer to a made-up id of the
 * same type, and nothing may change. The fields and node types come from the schema, so a new one is swept too (or
 * the test says what it needs to know about it).
 */

const clock = new ManualClock(new Date('2026-03-10T16:00:00Z'));
type Level = 'practice' | 'shared' | 'organization-wide';
type Finder = (db: Db, organizationId: string, practiceId: string) => Promise<{ id: string } | null>;

/** How to find a node type's record of a practice, written out here, apart from the scope under test. */
const RECORDS: Record<string, { level: Level; find: Finder }> = {
  AccountFlag: {
    level: 'practice',
    find: (db, _o, p) => db.accountFlag.findFirst({ where: { patient: { practiceId: p } } }),
  },
  Appeal: { level: 'practice', find: (db, _o, p) => db.appeal.findFirst({ where: { denial: { practiceId: p } } }) },
  AuditEvent: { level: 'practice', find: (db, _o, p) => db.auditEvent.findFirst({ where: { practiceId: p } }) },
  Claim: { level: 'practice', find: (db, _o, p) => db.claim.findFirst({ where: { practiceId: p } }) },
  ClaimPayment: {
    level: 'practice',
    find: (db, _o, p) => db.remittanceClaim.findFirst({ where: { claim: { practiceId: p } } }),
  },
  CollectionAgency: {
    level: 'shared',
    find: (db, o) => db.collectionAgency.findFirst({ where: { organizationId: o } }),
  },
  CollectionPlacement: {
    level: 'practice',
    find: (db, _o, p) => db.collectionPlacement.findFirst({ where: { practiceId: p } }),
  },
  ContactConsent: {
    level: 'practice',
    find: (db, _o, p) => db.contactConsent.findFirst({ where: { patient: { practiceId: p } } }),
  },
  Communication: {
    level: 'practice',
    find: (db, _o, p) => db.communication.findFirst({ where: { patient: { practiceId: p } } }),
  },
  Coverage: {
    level: 'practice',
    find: (db, _o, p) => db.coverage.findFirst({ where: { patient: { practiceId: p } } }),
  },
  Denial: { level: 'practice', find: (db, _o, p) => db.denial.findFirst({ where: { practiceId: p } }) },
  Document: {
    level: 'practice',
    find: (db, _o, p) => db.document.findFirst({ where: { statement: { practiceId: p } } }),
  },
  DunningAccount: { level: 'practice', find: (db, _o, p) => db.dunningState.findFirst({ where: { practiceId: p } }) },
  Encounter: { level: 'practice', find: (db, _o, p) => db.encounter.findFirst({ where: { practiceId: p } }) },
  Facility: { level: 'practice', find: (db, _o, p) => db.facility.findFirst({ where: { practiceId: p } }) },
  FeeSchedule: { level: 'practice', find: (db, _o, p) => db.feeSchedule.findFirst({ where: { practiceId: p } }) },
  Guarantor: {
    level: 'practice',
    find: (db, _o, p) =>
      db.guarantor.findFirst({ where: { patients: { some: { practiceId: p }, every: { practiceId: p } } } }),
  },
  LedgerEntry: { level: 'practice', find: (db, _o, p) => db.ledgerEntry.findFirst({ where: { practiceId: p } }) },
  Organization: { level: 'shared', find: (db, o) => db.organization.findFirst({ where: { id: o } }) },
  Patient: { level: 'practice', find: (db, _o, p) => db.patient.findFirst({ where: { practiceId: p } }) },
  PatientPayment: { level: 'practice', find: (db, _o, p) => db.patientPayment.findFirst({ where: { practiceId: p } }) },
  Payer: { level: 'shared', find: (db, o) => db.payer.findFirst({ where: { organizationId: o } }) },
  PaymentPlan: { level: 'practice', find: (db, _o, p) => db.paymentPlan.findFirst({ where: { practiceId: p } }) },
  PayerEnrollment: {
    level: 'practice',
    find: (db, _o, p) => db.payerEnrollment.findFirst({ where: { practiceId: p } }),
  },
  Practice: { level: 'practice', find: (db, _o, p) => db.practice.findFirst({ where: { id: p } }) },
  Provider: { level: 'practice', find: (db, _o, p) => db.provider.findFirst({ where: { practiceId: p } }) },
  Remittance: { level: 'practice', find: (db, _o, p) => db.remittance.findFirst({ where: { practiceId: p } }) },
  Statement: { level: 'practice', find: (db, _o, p) => db.statement.findFirst({ where: { practiceId: p } }) },
  SubmissionBatch: {
    level: 'practice',
    find: (db, _o, p) => db.submissionBatch.findFirst({ where: { claims: { every: { practiceId: p } } } }),
  },
  UnmatchedResponse: {
    level: 'organization-wide',
    find: (db, o) => db.unmatchedResponse.findFirst({ where: { organizationId: o } }),
  },
};

/** Which node type an id argument or input field names, by its name (`claimId`, `entryId`, …). */
const SLOT_TYPES: Record<string, string> = {
  accountId: 'DunningAccount',
  accountIds: 'DunningAccount',
  agencyId: 'CollectionAgency',
  appealId: 'Appeal',
  attendingProviderId: 'Provider',
  billingProviderId: 'Provider',
  claimId: 'Claim',
  claimIds: 'Claim',
  claimPaymentId: 'ClaimPayment',
  coverageId: 'Coverage',
  denialId: 'Denial',
  encounterId: 'Encounter',
  entryId: 'LedgerEntry',
  facilityId: 'Facility',
  flagId: 'AccountFlag',
  patientId: 'Patient',
  payerId: 'Payer',
  paymentPlanId: 'PaymentPlan',
  placementId: 'CollectionPlacement',
  providerId: 'Provider',
  practiceId: 'Practice',
  renderingProviderId: 'Provider',
  statementId: 'Statement',
};
/** Arguments whose type depends on the field: `balanceChanged(accountId:)` takes a guarantor account. */
const SLOT_OF_FIELD: Record<string, string> = { 'balanceChanged.accountId': 'Guarantor' };
/** Fields whose `id` argument (or `input.id`) names a fixed type. */
const ID_OF_FIELD: Record<string, string> = {
  updatePractice: 'Practice',
  updatePayer: 'Payer',
  updatePatient: 'Patient',
  updateCoverage: 'Coverage',
  changeCoveragePriority: 'Coverage',
};

interface Slot {
  /** Path of the id in the arguments: ['claimId'] or ['input', 'claimId']. */
  path: string[];
  type: string;
  list: boolean;
}
type World = Map<string, { id: string; level: Level }>;

let t: TestApi;
let orgA: string;
let orgB: string;
const worlds: Record<'p1' | 'p2' | 'q1', World> = { p1: new Map(), p2: new Map(), q1: new Map() };

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], ...sweepPlugins, clock });
  orgA = (await t.createOrganization('Sweep A')).id;
  orgB = (await t.createOrganization('Sweep B')).id;
  const sharedA = await organizationShared(t, orgA);
  const sharedB = await organizationShared(t, orgB);
  const p1 = await practiceWithEverything(t, orgA, 'p1', sharedA.payerId, sharedA.agencyId);
  const p2 = await practiceWithEverything(t, orgA, 'p2', sharedA.payerId, sharedA.agencyId);
  const q1 = await practiceWithEverything(t, orgB, 'q1', sharedB.payerId, sharedB.agencyId);
  for (const [world, org, practiceId] of [
    [worlds.p1, orgA, p1.practice.id],
    [worlds.p2, orgA, p2.practice.id],
    [worlds.q1, orgB, q1.practice.id],
  ] as const) {
    for (const [type, { level, find }] of Object.entries(RECORDS)) {
      const row = await find(t.db, org, practiceId);
      if (row) world.set(type, { id: row.id, level });
    }
  }
}, 120_000);
afterAll(() => t.close());

const MADE_UP = 'cm0000000000000000000000a';
// An unknown id is never a bug (INTERNAL), and the sweep's own documents must be valid.
const SWEEP_DEFECTS = ['INTERNAL', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'];
const codesOf = (answer: unknown) =>
  ((answer as { errors: Array<{ extensions?: { code?: string } }> | null }).errors ?? []).map(
    (e) => e.extensions?.code,
  );

describe('the sweep’s own knowledge', () => {
  it('knows every node type of the schema, and the world has a record of each in every practice', () => {
    const nodeTypes = Object.values(t.api.schema.getTypeMap())
      .filter(
        (type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
      )
      .map((type) => type.name)
      .sort();
    expect(Object.keys(RECORDS).sort()).toEqual(nodeTypes);
    for (const world of Object.values(worlds)) expect([...world.keys()].sort()).toEqual(nodeTypes);
  });
});

describe.each([
  { who: 'another organization', principal: () => ({ org: orgB, practiceIds: undefined }), own: () => worlds.q1 },
  {
    who: 'a user limited to another practice',
    principal: () => ({ org: orgA, practiceIds: [practiceOf(worlds.p1)] }),
    own: () => worlds.p1,
  },
])('as $who', ({ principal, own }) => {
  let token: string;
  beforeAll(async () => {
    const p = principal();
    token = await t.token(p.org, [...ROLES], { practiceIds: p.practiceIds, userId: 'sweeper' });
  });

  /** The other practice's records this caller may not see (shared ones count only across organizations). */
  const hiddenTypes = () => [...worlds.p2].filter(([, r]) => principal().org === orgB || r.level !== 'shared');

  it('node and nodes answer a hidden record exactly as a made-up id', async () => {
    for (const [type, record] of hiddenTypes()) {
      for (const query of [
        'query($id: ID!) { node(id: $id) { __typename id } }',
        'query($id: ID!) { nodes(ids: [$id]) { __typename } }',
      ]) {
        const hidden = await call(token, query, { id: globalId(type, record.id) }, record.id);
        const madeUp = await call(token, query, { id: globalId(type, MADE_UP) }, MADE_UP);
        expect({ type, answer: hidden }).toEqual({ type, answer: madeUp });
        expect({ type, codes: codesOf(madeUp) }).toEqual({ type, codes: [] });
      }
    }
  });

  it('every subscription argument that takes an id answers a hidden record exactly as a made-up id', async () => {
    const hidden = new Map(hiddenTypes());
    let swept = 0;
    for (const field of Object.values(t.api.schema.getSubscriptionType()!.getFields())) {
      for (const slot of slotsOf(field)) {
        const record = hidden.get(slot.type);
        if (!record) continue;
        const document = operation('subscription', field, slot);
        const trigger = () => publishAbout(field.name);
        const answer = (id: string) =>
          subscribeBriefly(token, document, variables(field, slot, globalId(slot.type, id), own()), id, trigger);
        const foreign = await answer(record.id);
        const madeUp = await answer(MADE_UP);
        expect({ field: field.name, slot: slot.path.join('.'), answer: foreign }).toEqual({
          field: field.name,
          slot: slot.path.join('.'),
          answer: madeUp,
        });
        swept++;
      }
    }
    expect(swept).toBe(6);
  });

  it('every query and mutation argument that takes an id answers a hidden record exactly as a made-up id, and changes nothing', async () => {
    const before = await snapshot(t.db, practiceOf(worlds.p2), orgA);
    const schema = t.api.schema;
    const roots = [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const;
    const hidden = new Map(hiddenTypes());
    let swept = 0;
    for (const [kind, root] of roots) {
      for (const field of Object.values(root.getFields())) {
        if (field.name === 'node' || field.name === 'nodes') continue;
        for (const slot of slotsOf(field)) {
          const record = hidden.get(slot.type);
          if (!record) continue;
          const document = operation(kind, field, slot);
          const answer = (id: string) =>
            call(token, document, variables(field, slot, globalId(slot.type, id), own()), id);
          const foreign = await answer(record.id);
          const madeUp = await answer(MADE_UP);
          // The sweep's own document and variables must be valid, or it would compare two identical refusals.
          const defects = codesOf(madeUp).filter((code) => SWEEP_DEFECTS.includes(code ?? ''));
          expect({ field: field.name, defects, answer: defects.length ? madeUp : null }).toEqual({
            field: field.name,
            defects: [],
            answer: null,
          });
          expect({ field: field.name, slot: slot.path.join('.'), answer: foreign }).toEqual({
            field: field.name,
            slot: slot.path.join('.'),
            answer: madeUp,
          });
          swept++;
        }
      }
    }
    expect(swept).toBeGreaterThan(60);
    expect(await snapshot(t.db, practiceOf(worlds.p2), orgA)).toEqual(before);
  }, 120_000);
});

/** What an SSE subscription answers within a moment: an error at once, or nothing (it waits for events). */
async function subscribeBriefly(
  token: string,
  query: string,
  variables: Record<string, unknown>,
  rawId: string,
  trigger: () => Promise<void>,
) {
  const controller = new AbortController();
  const response = await t.api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  let text = '';
  const read = (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
      if (text.includes('event: complete')) return;
    }
  })().catch(() => undefined);
  // An error comes at once; an accepted subscription waits for events: it must not hear of the hidden record's.
  await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 150))]);
  await trigger();
  await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 150))]);
  controller.abort();
  await reader.cancel().catch(() => undefined);
  const withoutPings = text.replace(/^:.*\n\n/gm, '');
  return { status: response.status, text: withoutPings.split(rawId).join('<ID>') };
}

/** Publishes an event about the other practice's records, as its own mutations would. */
async function publishAbout(subscription: string): Promise<void> {
  const p2 = worlds.p2;
  const practiceId = practiceOf(p2);
  const at = new Date().toISOString();
  if (subscription === 'claimStatusChanged') {
    const claimId = p2.get('Claim')!.id;
    t.api.pubsub.publish('claimStatusChanged', orgA, {
      claimId,
      practiceId,
      from: 'SUBMITTED',
      to: 'ACCEPTED',
      reason: 'sweep',
      at,
    });
  } else if (subscription === 'balanceChanged') {
    const patient = await t.db.patient.findUniqueOrThrow({ where: { id: p2.get('Patient')!.id } });
    const entryId = p2.get('LedgerEntry')!.id;
    t.api.pubsub.publish('balanceChanged', orgA, {
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      practiceId,
      entryId,
      at,
    });
  } else if (subscription === 'denialDeadlineApproaching') {
    const denialId = p2.get('Denial')!.id;
    t.api.pubsub.publish('denialDeadlineApproaching', orgA, {
      denialId,
      practiceId,
      dueDate: '2026-03-20',
      daysLeft: 10,
      passed: false,
    });
  }
}

function practiceOf(world: World): string {
  return world.get('Practice')!.id;
}

/** Every id the field takes: arguments, and fields of its input objects (one level down). */
function slotsOf(field: GraphQLField<unknown, unknown>): Slot[] {
  const slots: Slot[] = [];
  const typeOf = (name: string) =>
    name === 'id' ? ID_OF_FIELD[field.name] : (SLOT_OF_FIELD[`${field.name}.${name}`] ?? SLOT_TYPES[name]);
  const visit = (name: string, type: GraphQLInputType, path: string[]) => {
    const named = getNamedType(type);
    if (isScalarType(named) && named.name === 'ID') {
      const target = typeOf(name);
      if (!target)
        throw new Error(`The sweep does not know what ${field.name}(${path.join('.')}) names: add it to SLOT_TYPES`);
      slots.push({ path, type: target, list: isListType(getNullableType(type)) });
    } else if (isInputObjectType(named) && path.length < 2) {
      for (const f of Object.values(named.getFields())) visit(f.name, f.type, [...path, f.name]);
    }
  };
  for (const arg of field.args) visit(arg.name, arg.type, [arg.name]);
  return slots;
}

/** The document: the field with the arguments it needs, selecting what a client could learn from it. */
function operation(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  slot: Slot,
): string {
  const args = field.args.filter((a) => isNonNullType(a.type) || a.name === slot.path[0]);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Sweep${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection(getNamedType(field.type))} }`;
}

function selection(type: GraphQLNamedType): string {
  const leaves = (object: GraphQLObjectType) =>
    Object.values(object.getFields())
      .filter((f) => f.args.length === 0 && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))))
      .map((f) => f.name);
  const members = (object: GraphQLObjectType) => `... on ${object.name} { __typename ${leaves(object).join(' ')} }`;
  if (isUnionType(type)) return ` { __typename ${type.getTypes().map(members).join(' ')} }`;
  if (isInterfaceType(type)) return ' { __typename }';
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  const connection = fields.edges ? ' edges { node { __typename } }' : '';
  return ` { __typename ${leaves(type).join(' ')}${connection} }`;
}

/** Values for the field's required arguments, the slot's id where it goes, and the caller's own ids elsewhere. */
function variables(field: GraphQLField<unknown, unknown>, slot: Slot, id: string, own: World): Record<string, unknown> {
  const fill = (name: string, type: GraphQLInputType, path: string[]): unknown => {
    if (path.join('.') === slot.path.join('.')) return slot.list ? [id] : id;
    const inner = getNullableType(type);
    if (isListType(inner)) return [fill(name, inner.ofType, path)];
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      const value: Record<string, unknown> = {};
      for (const f of Object.values(named.getFields())) {
        const onPath = slot.path.join('.').startsWith([...path, f.name].join('.'));
        if (isNonNullType(f.type) || onPath) value[f.name] = fill(f.name, f.type, [...path, f.name]);
      }
      return value;
    }
    if (isEnumType(named)) return named.getValues()[0]!.value;
    switch (named.name) {
      case 'ID': {
        const target = name === 'id' ? ID_OF_FIELD[field.name] : SLOT_TYPES[name];
        const mine = target ? own.get(target) : undefined;
        return mine ? globalId(target!, mine.id) : globalId(target ?? 'Node', MADE_UP);
      }
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'Cents':
        return 100;
      case 'Date':
        return '2026-03-01';
      case 'DateTime':
        return '2026-03-01T12:00:00Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  };
  const values: Record<string, unknown> = {};
  for (const arg of field.args as GraphQLArgument[]) {
    if (isNonNullType(arg.type) || arg.name === slot.path[0]) values[arg.name] = fill(arg.name, arg.type, [arg.name]);
  }
  return values;
}

/** The response with the id that was asked for replaced, so a hidden and a made-up id can be compared. */
async function call(token: string, query: string, variables: Record<string, unknown>, rawId: string): Promise<unknown> {
  const response = await t.execute(query, { token, variables });
  let text = JSON.stringify({ data: response.data ?? null, errors: response.errors ?? null });
  for (const value of Object.values(variables).flatMap((v) => JSON.stringify(v).match(/[A-Za-z0-9+/=]{20,}/g) ?? [])) {
    if (Buffer.from(value, 'base64').toString().endsWith(rawId)) text = text.split(value).join('<ID>');
  }
  return JSON.parse(text.split(rawId).join('<ID>'));
}

/** Every row of the other practice (and of the organization, for the outsider): compared before and after. */
async function snapshot(db: Db, practiceId: string, organizationId: string): Promise<unknown> {
  const byPractice = { where: { practiceId }, orderBy: { id: 'asc' as const } };
  const byPatient = { where: { patient: { practiceId } }, orderBy: { id: 'asc' as const } };
  return {
    practice: await db.practice.findUnique({ where: { id: practiceId } }),
    patients: await db.patient.findMany(byPractice),
    coverages: await db.coverage.findMany(byPatient),
    flags: await db.accountFlag.findMany(byPatient),
    communications: await db.communication.findMany(byPatient),
    encounters: await db.encounter.findMany(byPractice),
    claims: await db.claim.findMany(byPractice),
    ledger: await db.ledgerEntry.findMany(byPractice),
    payments: await db.patientPayment.findMany(byPractice),
    denials: await db.denial.findMany(byPractice),
    appeals: await db.appeal.findMany({ where: { denial: { practiceId } }, orderBy: { id: 'asc' } }),
    statements: await db.statement.findMany(byPractice),
    plans: await db.paymentPlan.findMany(byPractice),
    placements: await db.collectionPlacement.findMany(byPractice),
    dunning: await db.dunningState.findMany(byPractice),
    payers: await db.payer.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    agencies: await db.collectionAgency.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    unmatched: await db.unmatchedResponse.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
  };
}

describe('the subscription sweep’s control', () => {
  it('delivers the published events to a caller who may see the records', async () => {
    const token = await t.token(orgA, [...ROLES], { userId: 'org-wide' });
    for (const [field, slot, type] of [
      ['claimStatusChanged', 'claimId', 'Claim'],
      ['balanceChanged', 'patientId', 'Patient'],
      ['denialDeadlineApproaching', 'practiceId', 'Practice'],
    ] as const) {
      const id = worlds.p2.get(type)!.id;
      const query = `subscription($id: ID) { ${field}(${slot}: $id) { __typename } }`;
      const heard = await subscribeBriefly(token, query, { id: globalId(type, id) }, id, () => publishAbout(field));
      expect({ field, text: heard.text }).toMatchObject({ field, text: expect.stringContaining('event: next') });
    }
  });
});

describe('lists and figures of a practice-limited user', () => {
  let token: string;
  beforeAll(async () => {
    token = await t.token(orgA, [...ROLES], { practiceIds: [practiceOf(worlds.p1)], userId: 'p1-only' });
  });

  it('list only the user’s practices: audit events, patients, claims, dunning accounts', async () => {
    const p1 = practiceOf(worlds.p1);
    const res = await t.execute<Record<string, { nodes: Array<{ id: string }> }>>(
      `query($p1: ID!) { auditEvents(first: 100) { nodes { id } } patients(first: 100) { nodes { id } }
         claims(first: 100) { nodes { id } } dunningAccounts(practiceId: $p1, first: 100) { nodes { id } } }`,
      { token, variables: { p1: globalId('Practice', p1) } },
    );
    expect(res.errors).toBeUndefined();
    const raw = (list: string) =>
      res.data![list]!.nodes.map((n) => Buffer.from(n.id, 'base64').toString().split(':')[1]!);
    const audit = await t.db.auditEvent.findMany({ where: { id: { in: raw('auditEvents') } } });
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((a) => a.practiceId))).toEqual(new Set([p1]));
    const patients = await t.db.patient.findMany({ where: { id: { in: raw('patients') } } });
    expect(patients.map((p) => p.practiceId)).toEqual([p1]);
    const claims = await t.db.claim.findMany({ where: { id: { in: raw('claims') } } });
    expect(new Set(claims.map((c) => c.practiceId))).toEqual(new Set([p1]));
    const dunning = await t.db.dunningState.findMany({ where: { id: { in: raw('dunningAccounts') } } });
    expect(dunning.map((d) => d.practiceId)).toEqual([p1]);
  });

  it('sum only the user’s practices: A/R aging equals the practice’s own ledger', async () => {
    const res = await t.execute<{ arAging: { insurance: { totalCents: number }; patient: { totalCents: number } } }>(
      '{ arAging(asOf: "2026-12-31", groupBy: PRACTICE) { insurance { totalCents } patient { totalCents } } }',
      { token },
    );
    expect(res.errors).toBeUndefined();
    const own = await t.db.ledgerEntry.groupBy({
      by: ['account'],
      where: { practiceId: practiceOf(worlds.p1), kind: { not: 'COLLECTION_FEE' } },
      _sum: { amountCents: true },
    });
    const sum = (account: string) => own.find((r) => r.account === account)?._sum.amountCents ?? 0;
    // Both practices hold the same figures; a total over the organization would be twice the practice's.
    expect(res.data!.arAging.insurance.totalCents).toBe(sum('INSURANCE'));
    expect(res.data!.arAging.patient.totalCents).toBe(sum('PATIENT'));
    expect(sum('PATIENT')).toBeGreaterThan(0);
  });
});

describe('writes through the scoped client', () => {
  it('cannot move a record to another practice or organization, nor create one in a practice the user may not see', async () => {
    const { scopeToTenant } = await import('../src/db/tenant-scope.ts');
    const p1 = practiceOf(worlds.p1);
    const p2 = practiceOf(worlds.p2);
    const limited = scopeToTenant(t.db, { userId: 'w', organizationId: orgA, roles: ['admin'], practiceIds: [p1] });
    const patientId = worlds.p1.get('Patient')!.id;
    await expect(limited.patient.update({ where: { id: patientId }, data: { practiceId: p2 } })).rejects.toThrow(
      'may not move',
    );
    await expect(limited.patient.update({ where: { id: patientId }, data: { organizationId: orgB } })).rejects.toThrow(
      'another organization',
    );
    const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: worlds.p2.get('Patient')!.id } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = coverage;
    await expect(limited.coverage.create({ data: { ...copy, memberId: 'SNEAK' } })).rejects.toThrow(
      'may not write to that practice',
    );
    expect(await t.db.coverage.count({ where: { memberId: 'SNEAK' } })).toBe(0);
    const unlimited = scopeToTenant(t.db, { userId: 'w', organizationId: orgA, roles: ['admin'] });
    const q1 = practiceOf(worlds.q1);
    await expect(unlimited.patient.update({ where: { id: patientId }, data: { practiceId: q1 } })).rejects.toThrow(
      'may not move',
    );
    expect((await t.db.patient.findUniqueOrThrow({ where: { id: patientId } })).practiceId).toBe(p1);
  });
});

describe('failed calls are audited like the others', () => {
  it('audits a file that does not parse, a billing cycle for a day to come and a placement with an unknown agency', async () => {
    const token = await t.token(orgA, ['admin'], { userId: 'failing-admin' });
    const practiceId = globalId('Practice', practiceOf(worlds.p1));
    await t.execute('mutation { importRemittance(input: { x12: "not an 835" }) { __typename } }', { token });
    await t.execute(
      `mutation { runBillingCycle(input: { practiceId: "${practiceId}", date: "2027-01-01" }) { __typename } }`,
      { token },
    );
    const patientId = globalId('Patient', worlds.p1.get('Patient')!.id);
    const agencyId = globalId('CollectionAgency', MADE_UP);
    await t.execute(
      `mutation { placeAccounts(input: { accountIds: ["${patientId}"], agencyId: "${agencyId}" }) { __typename } }`,
      { token },
    );
    const audit = await t.db.auditEvent.findMany({
      where: { actorId: 'failing-admin' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['importRemittance', 'X12_PARSE_ERROR'],
      ['runBillingCycle', 'VALIDATION_FAILED'],
      ['placeAccounts', 'NOT_FOUND'],
    ]);
  });
});
