/** Prisma's codes for a database it cannot reach, that closed the connection, or whose pool timed out. */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** The driver adapters' kinds for the same (the code may be missing when an adapter raises it directly). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'SocketTimeout']);

/**
 * The database is down or unreachable, not the request wrong: the caller should retry later (SERVICE_UNAVAILABLE,
 * HTTP 503), and the log needs one line, not a stack per request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    cause?: { kind?: string };
  };
  if (!e || typeof e !== 'object') return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  const kind = e.meta?.driverAdapterError?.cause?.kind ?? e.cause?.kind;
  return kind !== undefined && UNAVAILABLE_KINDS.has(kind);
}
