import type { DomainContext } from '../context/domain-context.ts';

/** Limits applied to every operation; see `createBillingApi({ limits })`. */
export interface ApiLimits {
  /** Deepest selection allowed. @default 12 */
  maxDepth: number;
  /** Highest query cost allowed (fields, multiplied by page sizes of lists). @default 5000 */
  maxCost: number;
  /** Largest `first`/`last` on a connection. @default 100 */
  maxPageSize: number;
}

/**
 * What every resolver gets: the domain context (built per request over HTTP, per operation over WebSocket) and
 * the limits only the GraphQL door applies.
 */
export interface BillingContext extends DomainContext {
  limits: ApiLimits;
}
