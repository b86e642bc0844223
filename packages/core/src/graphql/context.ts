import type { DomainContext } from '../context/domain-context.ts';

/** Limits applied to every operation; see `createBillingApi({ limits })`. */
export interface ApiLimits {
  /** Deepest selection allowed. @default 12 */
  maxDepth: number;
  /** Highest query cost allowed (fields, multiplied by page sizes of lists). @default 5000 */
  maxCost: number;
  /** Largest `first`/`last` on a connection. @default 100 */
  maxPageSize: number;
  /** Most aliases in one operation (fragments included). @default 30 */
  maxAliases: number;
  /** Most tokens in one document, counted while parsing (a long fragment chain stops here). @default 5000 */
  maxTokens: number;
  /** Most directives in one operation. @default 50 */
  maxDirectives: number;
  /** Largest request body, in bytes, for ordinary operations. @default 1_000_000 */
  maxBodyBytes: number;
  /**
   * Largest request body, in bytes, for the operations that carry a file (importRemittance, previewRemittance,
   * importResponses, importAgencyUpdates, importFeeSchedule): an 835 of 10 000 claims is about 5 MB.
   * @default 25_000_000
   */
  maxFileBodyBytes: number;
}

/**
 * What every resolver gets: the domain context (built per request over HTTP, per operation over WebSocket) and
 * the limits only the GraphQL door applies.
 */
export interface BillingContext extends DomainContext {
  limits: ApiLimits;
}
