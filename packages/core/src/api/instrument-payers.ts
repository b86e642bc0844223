import type { PayerConnector } from '../plugins/contracts.ts';
import { CAPABILITY_METHODS } from '../plugins/contracts.ts';
import type { BillingMetrics } from './metrics.ts';
import { measured } from './metrics.ts';

/**
 * The same connectors, each capability method counted and timed in the metrics (by connector key, method and
 * outcome). The connectors themselves are untouched; core calls them through these wrappers.
 */
export function instrumentPayers(
  payers: ReadonlyMap<string, PayerConnector>,
  metrics: BillingMetrics,
): ReadonlyMap<string, PayerConnector> {
  const methods = new Set<PropertyKey>(Object.values(CAPABILITY_METHODS).flat());
  const wrapped = new Map<string, PayerConnector>();
  for (const [key, connector] of payers) {
    wrapped.set(
      key,
      new Proxy(connector, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function' || !methods.has(property)) return value;
          const labels = { connector: key, method: String(property) };
          return (...args: unknown[]) =>
            measured(
              (outcome) => metrics.connectorCalls.inc({ ...labels, outcome }),
              () => metrics.connectorSeconds.startTimer(labels),
              async () => (value as (...a: unknown[]) => unknown).apply(target, args),
            );
        },
      }),
    );
  }
  return wrapped;
}
