import type { Logger } from 'pino';
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

/** How far an import has come: sent after each chunk, before the import commits (its answer is the result). */
export interface ImportProgressPayload {
  /** The key the client gave the import. */
  progressKey: string;
  payments: number;
  claimPayments: number;
  matched: number;
  unmatched: number;
  bytesRead: number;
  at: string;
}

/** How far a code-set import has come: rows written so far (visible once the import answers). */
export interface CodeSetImportProgressPayload {
  progressKey: string;
  rows: number;
  at: string;
}

/** Topic → [organizationId, payload]. */
export type BillingEvents = {
  auditEventRecorded: [organizationId: string, payload: AuditEventRecordedPayload];
  claimStatusChanged: [organizationId: string, payload: ClaimStatusChangedPayload];
  balanceChanged: [organizationId: string, payload: BalanceChangedPayload];
  denialDeadlineApproaching: [organizationId: string, payload: DenialDeadlinePayload];
  importProgress: [organizationId: string, payload: ImportProgressPayload];
  codeSetImportProgress: [organizationId: string, payload: CodeSetImportProgressPayload];
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

/** What the pub/sub reports about its transport: the log, and a count of events it could not publish. */
export interface PubSubObserver {
  logger?: Pick<Logger, 'warn' | 'info'>;
  onEventLost?(topic: string): void;
}

/**
 * In-process by default; with a Redis URL, events reach every server instance subscribed to the same Redis.
 * Redis failing never fails a request or the process: a publish that cannot reach Redis is dropped (counted in
 * `revcycle_events_lost_total`; events are notifications, and subscribers re-read the records they care about),
 * the outage is logged once when it starts and once when Redis is back, and ioredis reconnects on its own.
 */
export function createBillingPubSub(redisUrl?: string, observer: PubSubObserver = {}): BillingPubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<BillingEvents>(), kind: 'memory', close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
  // No ready check on the subscriber: its INFO would be refused once the connection is in subscriber mode.
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableReadyCheck: false });
  let down = false;
  const outage = (error: Error) => {
    if (down) return;
    down = true;
    observer.logger?.warn(
      { err: { message: error.message } },
      'pub/sub: Redis is unreachable; events are not delivered until it is back',
    );
  };
  const recovered = () => {
    if (!down) return;
    down = false;
    observer.logger?.info('pub/sub: Redis is back; events are delivered again');
  };
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', outage);
    client.on('ready', recovered);
  }
  const publish = publishClient.publish.bind(publishClient);
  publishClient.publish = ((channel: string, message: string) =>
    publish(channel, message).catch((error: Error) => {
      outage(error);
      observer.onEventLost?.(channel);
      return 0;
    })) as typeof publishClient.publish;
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
