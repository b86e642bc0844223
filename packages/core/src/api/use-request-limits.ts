import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';
import type { ApiLimits } from '../graphql/context.ts';

/** Operations whose input carries a file (an X12 interchange, a CSV): they get `maxFileBodyBytes`. */
export const FILE_OPERATIONS = [
  'importRemittance',
  'previewRemittance',
  'importResponses',
  'importAgencyUpdates',
  'importFeeSchedule',
];

/**
 * Limits one request cannot get around: body size (before anything is parsed), tokens (while parsing, so a long
 * fragment chain never reaches validation), aliases and directives (GraphQL Armor's rules); field suggestions are
 * withheld when introspection is off. Each refusal is a VALIDATION_FAILED error naming the limit.
 */
export function useRequestLimits(limits: ApiLimits, introspection: boolean): Plugin[] {
  const named = (limit: string, max: number) => ({
    exposeLimits: true,
    propagateOnRejection: true,
    onReject: [
      (_ctx: unknown, error: GraphQLError) =>
        Object.assign(error.extensions, { code: 'VALIDATION_FAILED', limit, max }),
    ],
  });
  return [
    useBodyLimit(limits),
    maxTokensPlugin({ n: limits.maxTokens, ...named('tokens', limits.maxTokens) }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...named('aliases', limits.maxAliases) }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...named('directives', limits.maxDirectives) }) as Plugin,
    ...(introspection ? [] : [blockFieldSuggestionsPlugin() as Plugin]),
  ];
}

/**
 * Refuses a body over the limit from its Content-Length, before reading it: `maxFileBodyBytes` for the operations
 * that carry a file (named in the URL's or body's operation, checked once parsed), `maxBodyBytes` for the rest.
 */
function useBodyLimit(limits: ApiLimits): Plugin {
  const refuse = (length: number, max: number, which: string) =>
    new Response(
      JSON.stringify({
        errors: [
          {
            message: `The request body is ${length} bytes; the limit is ${max} (limits.${which})`,
            extensions: { code: 'VALIDATION_FAILED', limit: which, max },
          },
        ],
      }),
      { status: 413, headers: { 'content-type': 'application/json' } },
    );
  return {
    onRequest({ request, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > limits.maxFileBodyBytes) endResponse(refuse(length, limits.maxFileBodyBytes, 'maxFileBodyBytes'));
    },
    onParams({ request, params }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length <= limits.maxBodyBytes) return;
      const query = params.query ?? '';
      const carriesFile = FILE_OPERATIONS.some((name) => new RegExp(`\\b${name}\\s*\\(`).test(query));
      if (!carriesFile) {
        throw createGraphQLError(
          `The request body is ${length} bytes; the limit is ${limits.maxBodyBytes} (limits.maxBodyBytes)`,
          {
            extensions: {
              code: 'VALIDATION_FAILED',
              limit: 'maxBodyBytes',
              max: limits.maxBodyBytes,
              http: { status: 413 },
            },
          },
        );
      }
    },
  };
}
