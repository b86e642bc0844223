import type { Logger } from 'pino';
import { logSafeError } from './log-safe-error.ts';

/** Yoga's logger interface on top of pino, with errors reduced to what may be logged (see logSafeError). */
export function yogaLogger(logger: Logger) {
  const safe = (args: unknown[]) => args.map((a) => (a instanceof Error ? logSafeError(a) : a));
  return {
    debug: (...args: unknown[]) => logger.debug({ yoga: safe(args) }),
    info: (...args: unknown[]) => logger.info({ yoga: safe(args) }),
    warn: (...args: unknown[]) => logger.warn({ yoga: safe(args) }),
    error: (...args: unknown[]) => logger.error({ yoga: safe(args) }),
  };
}
