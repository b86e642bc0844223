import { BillingError } from '../errors/billing-errors.ts';

/** A connector's failure. `retryable` says whether trying again later may work (a timeout, a 503). */
export class ConnectorError extends BillingError {
  override readonly name = 'ConnectorError';
  readonly code = 'CONNECTOR_ERROR' as const;
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly connectorKey?: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  /** Per attempt. @default 30000 */
  timeoutMs?: number;
  /** Further attempts after a retryable failure. @default 2 */
  retries?: number;
  /** First back-off; doubles each retry. @default 500 */
  backoffMs?: number;
}

/**
 * Calls a connector method with a timeout per attempt and exponential back-off on retryable failures. Anything
 * thrown that is not a ConnectorError is wrapped in a retryable one (networks fail in many ways).
 */
export async function callConnector<T>(
  key: string,
  operation: (signal: AbortSignal) => Promise<T>,
  options: CallOptions = {},
): Promise<T> {
  const { timeoutMs = 30_000, retries = 2, backoffMs = 500 } = options;
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await Promise.race([
        operation(controller.signal),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener('abort', () =>
            reject(new ConnectorError(`${key} did not answer within ${timeoutMs} ms`, true, key)),
          ),
        ),
      ]);
    } catch (cause) {
      const error =
        cause instanceof ConnectorError
          ? cause
          : new ConnectorError(`${key} failed: ${cause instanceof Error ? cause.message : String(cause)}`, true, key);
      if (!error.retryable || attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
    } finally {
      clearTimeout(timer);
    }
  }
}
