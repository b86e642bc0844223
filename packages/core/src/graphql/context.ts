import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/prisma-client.ts';
import type { PluginRegistry } from '../plugins/registry.ts';
import type { BillingPubSub } from '../pubsub/billing-events.ts';
import type { ScrubRule } from '../domain/scrub/scrub-rule.ts';
import type { Clock } from '../util/clock.ts';

/** Limits applied to every operation; see `createBillingApi({ limits })`. */
export interface ApiLimits {
  /** Deepest selection allowed. @default 12 */
  maxDepth: number;
  /** Highest query cost allowed (fields, multiplied by page sizes of lists). @default 5000 */
  maxCost: number;
  /** Largest `first`/`last` on a connection. @default 100 */
  maxPageSize: number;
}

/** What every resolver gets. Built per request (HTTP) or per operation (WebSocket). */
export interface BillingContext {
  principal: Principal;
  /** The tenant-scoped client: every query is limited to the principal's organization and practices. */
  db: Db;
  /** The unscoped client: only for code that scopes itself explicitly (audit writes, migrations). */
  rootDb: Db;
  /** SQLite or PostgreSQL: case-insensitive search is spelled differently on each. */
  databaseProvider: 'sqlite' | 'postgresql';
  pubsub: BillingPubSub;
  plugins: PluginRegistry;
  limits: ApiLimits;
  /** The scrub rules in force, and which of them an organization has turned off. */
  scrub: { rules: readonly ScrubRule[]; disabledFor(organizationId: string): Promise<readonly string[]> };
  logger: Logger;
  requestId: string;
  /** "Now" for the billing cycle (statements, dunning, payment plans); a test clock in simulations. */
  clock: Clock;
}
