import type { Server as HttpServer } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Principal } from '../auth/principal.ts';
import type { BillingContext } from '../graphql/context.ts';
import type { ServerContext } from './create-billing-api.ts';
import type { OrganizationStanding } from '../tenants/organization-standing.ts';
import type { Authenticate } from './options.ts';

export interface WebSocketAttachment {
  server: WebSocketServer;
  close(): Promise<void>;
}

type Enveloped = ReturnType<YogaServerInstance<ServerContext, BillingContext>['getEnveloped']>;

/**
 * graphql-ws on the same path as HTTP. The client authenticates with `connectionParams.authorization`
 * (`Bearer <token>`); a connection without a valid one, or whose organization is unknown or deactivated, is
 * closed with 4403 before any operation runs.
 */
export function attachWebSockets(
  httpServer: HttpServer,
  yoga: YogaServerInstance<ServerContext, BillingContext>,
  authenticate: Authenticate,
  path: string,
  standingOf: (organizationId: string) => Promise<OrganizationStanding>,
  /** The largest message a client may send (the API's body limit). */
  maxPayload = 1_000_000,
): WebSocketAttachment {
  const server = new WebSocketServer({ server: httpServer, path, maxPayload });
  const disposable = useServer<Record<string, unknown> | undefined, { principal?: Principal }>(
    {
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = typeof params.authorization === 'string' ? params.authorization : undefined;
        const principal = await authenticate({ authorization, connectionParams: params });
        if (!principal || (await standingOf(principal.organizationId)) !== 'active') return false;
        ctx.extra.principal = principal;
        return true;
      },
      execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({ principal: ctx.extra.principal, params: payload }) as Enveloped;
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
      },
    },
    server,
  );
  let closing: Promise<void> | undefined;
  return {
    server,
    // Disposing closes every socket and the WebSocketServer itself; once is enough, however often it is asked.
    close: () => (closing ??= Promise.resolve(disposable.dispose())),
  };
}
