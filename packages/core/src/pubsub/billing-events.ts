import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

/**
 * Payloads carry ids and facts, never PHI: they may cross Redis between server instances. Subscribers load the
 * current records through their own tenant-scoped client. Every topic is keyed by organization, so a subscriber
 * can only ever listen to its own tenant.
 */
export interface AuditEventRecordedPayload {
  auditEventId: string;
  practiceId: string | null;
}

export interface ClaimStatusChangedPayload {
  claimId: string;
  practiceId: string;
  from: string | null;
  to: string;
  reason: string | null;
  at: string;
}

export interface BalanceChangedPayload {
  patientId: string;
  /** The guarantor account, when the patient is not their own guarantor. */
  guarantorId: string | null;
  practiceId: string;
  /** The last ledger entry that changed the balance. */
  entryId: string;
  at: string;
}

export interface DenialDeadlinePayload {
  denialId: string;
  practiceId: string;
  dueDate: string;
  daysLeft: number;
  /** True when the deadline has passed (announced once). */
  passed: boolean;
}

/** Topic → [organizationId, payload]. */
export type BillingEvents = {
  auditEventRecorded: [organizationId: string, payload: AuditEventRecordedPayload];
  claimStatusChanged: [organizationId: string, payload: ClaimStatusChangedPayload];
  balanceChanged: [organizationId: string, payload: BalanceChangedPayload];
  denialDeadlineApproaching: [organizationId: string, payload: DenialDeadlinePayload];
};

export type BillingPubSub = ReturnType<typeof createPubSub<BillingEvents>>;

export interface BillingPubSubHandle {
  pubsub: BillingPubSub;
  /** Which transport carries events: in-process, or Redis between instances. */
  kind: 'memory' | 'redis';
  /** Redis only: whether both connections are up (answered from their state; no command is queued while down). */
  connected?: () => Promise<boolean>;
  close(): Promise<void>;
}

/** In-process by default; with a Redis URL, events reach every server instance subscribed to the same Redis. */
export function createBillingPubSub(redisUrl?: string): BillingPubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<BillingEvents>(), kind: 'memory', close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // No ready check on the subscriber: its INFO would be refused once the connection is in subscriber mode.
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3, enableReadyCheck: false });
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<BillingEvents>({ eventTarget }),
    kind: 'redis',
    connected: async () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
