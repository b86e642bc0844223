import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/prisma-client.ts';
import type { PluginRegistry } from '../plugins/registry.ts';
import type { BillingPubSub } from '../pubsub/billing-events.ts';
import type { ScrubRule } from '../claims/scrub/scrub-rule.ts';
import type { Clock } from '../util/clock.ts';
import type { CodeSetStore } from '../code-sets/code-set-store.ts';

/**
 * What a domain operation needs, whichever door called it (GraphQL, the local API, a job): who acts, their
 * tenant-scoped data, the clock, the plugins and the events. Defined here, below every door, so that domain code
 * never imports the GraphQL layer.
 */
export interface DomainContext {
  principal: Principal;
  /**
   * The tenant-scoped client: every query is limited to the principal's organization and practices. There is no
   * unscoped client here: system jobs are handed one by name (`systemDb`) where they are wired up.
   */
  db: Db;
  /** SQLite or PostgreSQL: case-insensitive search is spelled differently on each. */
  databaseProvider: 'sqlite' | 'postgresql';
  pubsub: BillingPubSub;
  plugins: PluginRegistry;
  /** The installation's code sets (ICD-10-CM, HCPCS, CPT, NCCI, MUE), shared by every tenant. */
  codeSets: CodeSetStore;
  /** The scrub rules in force, and which of them an organization has turned off. */
  scrub: { rules: readonly ScrubRule[]; disabledFor(organizationId: string): Promise<readonly string[]> };
  logger: Logger;
  /** Ties audit events and logs to the request (or job run) that caused them. */
  requestId: string;
  /** "Now" for the billing cycle (statements, dunning, payment plans); a test clock in simulations. */
  clock: Clock;
}
