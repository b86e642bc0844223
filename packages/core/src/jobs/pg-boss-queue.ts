import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { JOB_EXPIRY_SECONDS, JOB_RETRY_LIMIT } from './job-queue.ts';
import type { JobHandler, JobQueue } from './job-queue.ts';

/** pg-boss ids are UUIDs: the job's key hashed into one makes "once per key" the database's primary key. */
function idFor(name: string, key: string): string {
  const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * PostgreSQL's queue: pg-boss. Jobs are fetched with SKIP LOCKED (one instance per job), expire back to the queue
 * when a worker dies, and are retried on failure; pg-boss's own maintenance archives finished ones.
 */
export function createPgBossQueue(connectionString: string, schema: string, logger: Logger): JobQueue {
  const boss = new PgBoss({ connectionString, schema, max: 3, schedule: false, supervise: true });
  boss.on('error', (error) => logger.error({ err: error.message }, 'pg-boss'));
  let started: Promise<void> | undefined;
  const queues = new Set<string>();
  const ready = async (name: string) => {
    started ??= boss.start().then(
      () => undefined,
      (error: unknown) => {
        started = undefined; // try again on the next call rather than failing forever
        throw error;
      },
    );
    await started;
    if (!queues.has(name)) {
      // Instances starting together race to create the queue (PostgreSQL may even report a deadlock between the
      // two creates): whoever loses looks again, after a pause, until the winner's queue is there.
      for (let attempt = 1; !(await boss.getQueue(name)); attempt++) {
        try {
          await boss.createQueue(name, { name, retryLimit: JOB_RETRY_LIMIT, expireInSeconds: JOB_EXPIRY_SECONDS });
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
      queues.add(name);
    }
  };
  return {
    engine: 'pg-boss',
    async enqueue(name, key, data) {
      await ready(name);
      return (
        (await boss.send(
          name,
          { ...data, key },
          { id: idFor(name, key), retryLimit: JOB_RETRY_LIMIT, expireInSeconds: JOB_EXPIRY_SECONDS },
        )) !== null
      );
    },
    async workDue(handlers: Readonly<Record<string, JobHandler>>) {
      const ran: string[] = [];
      for (const [name, handler] of Object.entries(handlers)) {
        await ready(name);
        for (;;) {
          const [job] = await boss.fetch<Record<string, unknown>>(name, { batchSize: 1 });
          if (!job) break;
          try {
            await handler(job.data);
            await boss.complete(name, job.id);
            ran.push(String(job.data.key));
          } catch (error) {
            await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
            break;
          }
        }
      }
      return ran;
    },
    async close() {
      if (started) await boss.stop({ graceful: true, wait: true, close: true });
    },
  };
}
