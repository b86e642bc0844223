import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, in a registry of its own (two APIs in one process never share counters). Hosts
 * that serve their own /metrics merge `registry` into theirs; `revcycle serve` answers GET /metrics with it.
 */
export interface BillingMetrics {
  registry: Registry;
  /** GraphQL operations executed, by operation name, type (query, mutation, subscription) and outcome. */
  operations: Counter<'operation' | 'type' | 'outcome'>;
  operationSeconds: Histogram<'operation' | 'type'>;
  /** Background jobs (the daily billing cycle), by job name and outcome. */
  jobs: Counter<'job' | 'outcome'>;
  jobSeconds: Histogram<'job'>;
  /** Payer connector calls (submit, fetchResponses, …), by connector key, method and outcome. */
  connectorCalls: Counter<'connector' | 'method' | 'outcome'>;
  connectorSeconds: Histogram<'connector' | 'method'>;
  /** Events that could not be published (Redis down): subscribers miss them and re-read state on reconnect. */
  eventsLost: Counter<'topic'>;
  /** A bounded label for a client-chosen operation name (see operationLabel). */
  operationLabel(name: string | null | undefined): string;
}

/** Client-chosen names beyond this many distinct ones are counted as "other", so a client cannot grow the series. */
export const MAX_OPERATION_LABELS = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createBillingMetrics(): BillingMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'revcycle_' });
  const seen = new Set<string>();
  return {
    registry,
    operations: new Counter({
      name: 'revcycle_graphql_operations_total',
      help: 'GraphQL operations executed, by operation name, type and outcome (ok, error)',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    }),
    operationSeconds: new Histogram({
      name: 'revcycle_graphql_operation_duration_seconds',
      help: 'Time to execute a GraphQL query or mutation (a subscription: until its first result)',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'revcycle_jobs_total',
      help: 'Background jobs run, by job and outcome',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    jobSeconds: new Histogram({
      name: 'revcycle_job_duration_seconds',
      help: 'Time a background job ran',
      labelNames: ['job'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers: [registry],
    }),
    connectorCalls: new Counter({
      name: 'revcycle_connector_calls_total',
      help: 'Payer connector calls, by connector, method and outcome',
      labelNames: ['connector', 'method', 'outcome'],
      registers: [registry],
    }),
    connectorSeconds: new Histogram({
      name: 'revcycle_connector_call_duration_seconds',
      help: 'Time a payer connector call took',
      labelNames: ['connector', 'method'],
      buckets: [0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120],
      registers: [registry],
    }),
    eventsLost: new Counter({
      name: 'revcycle_events_lost_total',
      help: 'Subscription events not published because the pub/sub transport (Redis) was down, by topic',
      labelNames: ['topic'],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!NAME.test(name)) return 'other';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS) return 'other';
      seen.add(name);
      return name;
    },
  };
}

/** Runs `work`, counting its outcome and timing it. */
export async function measured<T>(
  count: (outcome: 'ok' | 'error') => void,
  time: () => () => void,
  work: () => Promise<T>,
): Promise<T> {
  const stop = time();
  try {
    const result = await work();
    count('ok');
    return result;
  } catch (error) {
    count('error');
    throw error;
  } finally {
    stop();
  }
}
