import type { Plugin } from 'graphql-yoga';
import { getOperationAST } from 'graphql';
import type { BillingMetrics } from './metrics.ts';

/**
 * Counts and times every executed GraphQL operation, and answers `GET <path>` with the Prometheus text format
 * (no auth: bind the port privately or turn it off with `metrics: false` when the API faces the internet).
 */
export function useMetrics(metrics: BillingMetrics, path: string | false): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (path === false || url.pathname !== path || request.method !== 'GET') return;
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      const labels = {
        operation: metrics.operationLabel(args.operationName ?? operation?.name?.value),
        type: operation?.operation ?? 'unknown',
      };
      const stop = metrics.operationSeconds.startTimer(labels);
      return {
        onExecuteDone({ result }) {
          stop();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.operations.inc({ ...labels, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      metrics.operations.inc({
        operation: metrics.operationLabel(args.operationName ?? operation?.name?.value),
        type: 'subscription',
        outcome: 'ok',
      });
    },
  };
}
