import SchemaBuilder from '@pothos/core';
import ComplexityPlugin, { ComplexityErrorKind } from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getNullableType, GraphQLError, isListType } from 'graphql';
import type { Role } from '../auth/principal.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { BillingContext } from './context.ts';

type RoleScopes = { [R in Role]: boolean };

/**
 * What one aggregate or report (A/R aging, key figures, denial figures, compliance report, a remittance preview,
 * collection candidates) costs: a scan of a practice's ledger or work items, not a field. Nine fit the default
 * limit of 20 000; a thousand aliases of one are refused before any runs.
 */
export const AGGREGATE_COST = 2_000;

export const builder = new SchemaBuilder<{
  Context: BillingContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: RoleScopes & { anyRole: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    Cents: { Input: number; Output: number };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  prisma: {
    // Always the tenant-scoped client of the request: relation loads and node(id:) are scoped too.
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
  },
  scopeAuth: {
    authScopes: (ctx) => {
      const has = (role: Role) => ctx.principal.roles.includes(role);
      return {
        admin: has('admin'),
        biller: has('biller'),
        coder: has('coder'),
        collector: has('collector'),
        frontdesk: has('frontdesk'),
        auditor: has('auditor'),
        anyRole: ctx.principal.roles.length > 0,
      };
    },
    unauthorizedError: (_parent, _ctx, info) =>
      new GraphQLError(`Your roles do not allow ${info.parentType.name}.${info.fieldName}`, {
        extensions: { code: 'FORBIDDEN' },
      }),
  },
  errors: {
    defaultTypes: [],
    directResult: true,
  },
  complexity: {
    // Connections cost their page size (once: their `nodes`/`edges` lists do not multiply again); other lists a
    // flat 3, what a claim has of lines or a claim payment of adjustments on average, so that an ordinary page of
    // remittances with their claims and lines passes. Aggregates and reports cost AGGREGATE_COST on their own.
    fieldComplexity: (args, _ctx, field) => {
      const size = (args as { first?: unknown; last?: unknown }).first ?? (args as { last?: unknown }).last;
      if (typeof size === 'number') return { field: 1, multiplier: Math.max(1, size) };
      if (field.name === 'nodes' || field.name === 'edges') return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 3 : 1 };
    },
    limit: (ctx) => ({ depth: ctx.limits.maxDepth, complexity: ctx.limits.maxCost, breadth: ctx.limits.maxCost }),
    complexityError: (kind, result) => {
      const [what, value, max] =
        kind === ComplexityErrorKind.Depth
          ? ['depth', result.depth, result.maxDepth]
          : kind === ComplexityErrorKind.Breadth
            ? ['breadth', result.breadth, result.maxBreadth]
            : ['cost', result.complexity, result.maxComplexity];
      return new GraphQLError(`Query ${what} ${value} exceeds the limit of ${max}`, {
        extensions: { code: 'VALIDATION_FAILED', limit: what, value, max },
      });
    },
  },
});

builder.queryType({ description: 'Reads, always limited to the caller’s organization (and practices).' });
builder.mutationType({ description: 'Writes. Each is audited; roles decide who may call which.' });
builder.subscriptionType({ description: 'Live events of the caller’s organization, over SSE or graphql-ws.' });
