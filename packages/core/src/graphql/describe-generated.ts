import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { ENUM_VALUE_DESCRIPTIONS } from './enum-descriptions.ts';
import { TYPE_DESCRIPTIONS } from './type-descriptions.ts';
import { ARGUMENT_DESCRIPTIONS, FIELD_DESCRIPTIONS } from './field-descriptions.ts';
import type { GraphQLArgument, GraphQLField, GraphQLNamedType, GraphQLSchema } from 'graphql';

/**
 * Descriptions for the parts of the schema that plugins generate from a pattern — Relay connections, edges and
 * paging arguments, mutation payload unions and their success wrappers, global ids, timestamps — written once here
 * instead of on each of hundreds of definitions. A description given at the definition always wins: only missing
 * ones are filled.
 */
export function describeGeneratedParts(schema: GraphQLSchema): GraphQLSchema {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    fill(type, typeDescription(type, mutations));
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fill(field, FIELD_DESCRIPTIONS[`${type.name}.${field.name}`] ?? fieldDescription(type, field));
        for (const arg of field.args) {
          fill(arg, FIELD_DESCRIPTIONS[`${type.name}.${field.name}(${arg.name}:)`] ?? argDescription(field, arg));
        }
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) fill(value, ENUM_VALUE_DESCRIPTIONS[type.name]?.[value.name]);
  }
  // Inputs last, so they take the descriptions just filled on the objects they create or change.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type)) continue;
    const target = schema.getType(type.name.replace(/^(Create|Update|Add|Set)/, '').replace(/Input$/, ''));
    if (!target || !(isObjectType(target) || isInterfaceType(target))) continue;
    const fields = target.getFields();
    for (const field of Object.values(type.getFields())) fill(field, fields[field.name]?.description ?? undefined);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      fill(
        field,
        FIELD_DESCRIPTIONS[`${type.name}.${field.name}`] ??
          COMMON_FIELDS[field.name] ??
          idFieldDescription(field.name, String(field.type)),
      );
    }
  }
  return schema;
}

function fill(target: { description?: string | null | undefined }, text: string | undefined): void {
  if (!target.description && text) target.description = text;
}

const ROOTS: Record<string, string> = {
  Query:
    'Reads. Every query answers only within the caller’s organization (and practices, for a practice-limited user).',
  Mutation: 'Changes. Each is audited in the same transaction; expected failures are members of its payload union.',
  Subscription:
    'Live events over graphql-ws or server-sent events, filtered to the subscriber’s organization and practices.',
  PageInfo: 'Where a page sits in its list (Relay): whether more pages exist, and the cursors to reach them.',
  Node: 'Anything with a global id: `node(id:)` and `nodes(ids:)` fetch it.',
  Error: 'An expected failure: a message written for the person reading it.',
};

function typeDescription(
  type: GraphQLNamedType,
  mutations: Record<string, GraphQLField<unknown, unknown>>,
): string | undefined {
  if (ROOTS[type.name]) return ROOTS[type.name];
  if (TYPE_DESCRIPTIONS[type.name]) return TYPE_DESCRIPTIONS[type.name];
  if (isObjectType(type) && type.name.endsWith('ConnectionEdge'))
    return `One item of a page, with its cursor (${itemName(type)}).`;
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    return `A page of ${itemName(type)} (Relay connection): \`nodes\` or \`edges\`, \`pageInfo\` to page on, \`totalCount\` for every match.`;
  }
  if (isUnionType(type) && type.name.endsWith('Payload')) {
    const mutation = lowerFirst(type.name.slice(0, -'Payload'.length));
    if (mutations[mutation])
      return `What \`${mutation}\` answers: its result, or one of the expected errors (select each with \`... on\`).`;
    return 'A result, or one of the expected errors (select each with `... on`).';
  }
  if (isInputObjectType(type) && type.name.endsWith('Input')) {
    const mutation = lowerFirst(type.name.slice(0, -'Input'.length));
    if (mutations[mutation]) return `What \`${mutation}\` takes.`;
  }
  if (isObjectType(type) && /^Mutation\w+Success$/.test(type.name)) {
    const mutation = lowerFirst(type.name.slice('Mutation'.length, -'Success'.length));
    return `The result of \`${mutation}\` when it succeeds.`;
  }
  return undefined;
}

const CONNECTION_FIELDS: Record<string, string> = {
  edges: 'The page’s items with their cursors.',
  nodes: 'The page’s items.',
  pageInfo: 'Whether there are more pages, and the cursors to reach them.',
  totalCount: 'How many items match, over all pages.',
};

const PAGE_INFO_FIELDS: Record<string, string> = {
  hasNextPage: 'More items follow this page (page on with `after: endCursor`).',
  hasPreviousPage: 'Items come before this page (page back with `before: startCursor`).',
  startCursor: 'The cursor of the page’s first item.',
  endCursor: 'The cursor of the page’s last item.',
};

function fieldDescription(type: GraphQLNamedType, field: GraphQLField<unknown, unknown>): string | undefined {
  if (type.name.endsWith('ConnectionEdge')) {
    if (field.name === 'cursor') return 'Where this item sits in the list: pass it as `after` or `before`.';
    if (field.name === 'node') return 'The item.';
  }
  if (type.name.endsWith('Connection') && CONNECTION_FIELDS[field.name]) return CONNECTION_FIELDS[field.name];
  if (type.name === 'PageInfo') return PAGE_INFO_FIELDS[field.name];
  if (/Success$/.test(type.name) && field.name === 'data') return 'What the mutation created or changed.';
  if (field.name === 'id' && String(field.type) === 'ID!')
    return 'The global id: pass it to `node(id:)` and to mutations that take this record.';
  if (field.name === 'createdAt') return 'When the record was created (UTC).';
  if (field.name === 'updatedAt') return 'When the record last changed (UTC).';
  if (COMMON_FIELDS[field.name]) return COMMON_FIELDS[field.name];
  const id = idFieldDescription(field.name, String(field.type));
  if (id) return id;
  const named = getNamedType(field.type);
  const owner = words(type.name);
  if (field.name === 'status' && isEnumType(named)) return `Where this ${owner} stands.`;
  // A relation to a record (a Node): the record's own description says what it is.
  if (isObjectType(named) && named.getInterfaces().some((i) => i.name === 'Node')) {
    // A result or event type is about its records rather than the owner of them.
    if (/(Success|Payload|Result|Event|Recorded|Sent|Check|Candidate|Row|Account|Viewer)$/.test(type.name))
      return `The ${words(field.name)} it is about.`;
    return `The ${words(field.name)} of this ${owner}.`;
  }
  return undefined;
}

/** Fields that mean the same on every type that has them. */
const COMMON_FIELDS: Record<string, string> = {
  externalId: 'Your own id for the record, unique in the organization: creating again with it updates this record.',
  firstName: 'Given name.',
  middleName: 'Middle name or initial.',
  lastName: 'Family name.',
  dateOfBirth: 'Date of birth (YYYY-MM-DD).',
  email: 'E-mail address.',
  homePhone: 'Home telephone number.',
  mobilePhone: 'Mobile telephone number: text messages go here.',
  workPhone: 'Work telephone number (not called once the debtor says the employer forbids it).',
  phone: 'Telephone number.',
  npi: 'National Provider Identifier (10 digits, check digit verified).',
  taxId: 'Employer identification number (EIN).',
  taxonomyCode: 'Health care provider taxonomy code (NUCC), e.g. 207Q00000X.',
  timeZone: 'IANA time zone, e.g. America/Chicago: "today" and contact hours are counted in it.',
  line1: 'Street address.',
  line2: 'Suite, unit or floor.',
  city: 'City.',
  state: 'Two-letter state code.',
  postalCode: 'ZIP or ZIP+4.',
  address: 'Postal address.',
  name: 'Name, as people see it in the product and on documents.',
  message: 'What happened, written for the person reading it.',
  note: 'A note kept with the record.',
  memo: 'Why the entry was posted, in words.',
  reason: 'Why, in words.',
  reference: 'A reference to quote (a check number, a confirmation code).',
  amountCents: 'The amount, in cents.',
  chargeCents: 'The amount charged, in cents.',
  paidCents: 'What the payer paid, in cents.',
  totalChargeCents: 'The sum of the lines’ charges, in cents.',
  totalCents: 'The sum of the buckets, in cents.',
  days0to30Cents: 'Owed on services 0–30 days old (by date of service), in cents.',
  days31to60Cents: 'Owed on services 31–60 days old, in cents.',
  days61to90Cents: 'Owed on services 61–90 days old, in cents.',
  days91to120Cents: 'Owed on services 91–120 days old, in cents.',
  over120Cents: 'Owed on services more than 120 days old, in cents.',
  patientResponsibilityCents: 'What the payer says the patient owes (group code PR), in cents.',
  procedureCode: 'CPT or HCPCS procedure code.',
  modifiers: 'Procedure modifiers, in billing order (up to 4).',
  remarkCodes: 'Remittance advice remark codes (RARC) the payer gave.',
  reasonCode: 'The adjustment reason code (CARC, or the PLB reason).',
  serviceDate: 'Date of service (YYYY-MM-DD).',
  serviceDateEnd: 'Last date of service of a span (YYYY-MM-DD), when the line covers more than one day.',
  lineNumber: 'The line’s number, from 1.',
  units: 'Units of service.',
  diagnosisPointers: 'Which of the claim’s diagnoses (1-based) this line treats, the main one first.',
  patientControlNumber: 'The claim’s patient control number (CLM01), which payers echo back.',
  payerClaimControlNumber: 'The payer’s own number for the claim (from its 277CA or 835).',
  submittedAt: 'When it was sent to the payer (UTC).',
  at: 'When it happened (UTC).',
  from: 'The first day of the period, inclusive.',
  to: 'The last day of the period, inclusive.',
  allowed: 'Contact attempts the rules allowed.',
  refused: 'Contact attempts the rules refused.',
  accountNumber: 'The guarantor account’s number, printed on statements.',
  sex: 'Administrative sex, as billed on claims.',
  relationship: 'Who this person is to the patient.',
  memberId: 'The member id on the insurance card.',
  groupNumber: 'The group number on the insurance card.',
  priority: 'Whether the coverage is billed first, second or third.',
  text: 'The note’s text.',
  citation: 'The law or rule it comes from.',
  description: 'What it says, in words.',
};

/** `denialId: ID!` → "The denial (its global id).", `claimIds: [ID!]!` → "The claims (their global ids)." */
export function idFieldDescription(name: string, type: string): string | undefined {
  if (/^\[ID!\]!?$/.test(type) && name.endsWith('Ids')) return `The ${words(name.slice(0, -3))}s (their global ids).`;
  if (/^ID!?$/.test(type) && name.endsWith('Id')) return `The ${words(name.slice(0, -2))} (its global id).`;
  return undefined;
}

/** A type or field name as words: "claimLine" → "claim line", "CollectionPlacement" → "collection placement". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const PAGE_ARGS: Record<string, string> = {
  first: 'How many items from the start (or after `after`); at most the server’s page-size limit (100 by default).',
  last: 'How many items from the end (or before `before`); at most the server’s page-size limit.',
  after: 'A cursor: the page starts after this item.',
  before: 'A cursor: the page ends before this item.',
};

function argDescription(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): string | undefined {
  const type = field.type.toString();
  if (type.includes('Connection') && PAGE_ARGS[arg.name]) return PAGE_ARGS[arg.name];
  if (arg.name === 'input') return 'What to do: see the input type’s fields.';
  return ARGUMENT_DESCRIPTIONS[arg.name];
}

/** The item type a connection or edge type is named for, e.g. QueryClaimsConnection → claims. */
function itemName(type: GraphQLNamedType): string {
  const nodes = isObjectType(type) ? (type.getFields().nodes ?? type.getFields().node) : undefined;
  return nodes ? String(nodes.type).replace(/[[\]!]/g, '') : 'items';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
