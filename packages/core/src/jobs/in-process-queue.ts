import type { Db } from '../db/prisma-client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { JOB_EXPIRY_SECONDS, JOB_RETRY_LIMIT } from './job-queue.ts';
import type { JobHandler, JobQueue } from './job-queue.ts';

/**
 * The embedded default's queue: jobs are rows (ScheduledJob), taken with one conditional update so a job is
 * never run by two workers, and a job whose worker died is taken again once its lock expires (restarts).
 */
export function createInProcessQueue(db: Db): JobQueue {
  async function take(names: string[]) {
    const now = new Date();
    const candidate = await db.scheduledJob.findFirst({
      where: {
        name: { in: names },
        attempts: { lt: JOB_RETRY_LIMIT },
        OR: [{ status: 'QUEUED' }, { status: 'ACTIVE', lockedUntil: { lt: now } }],
      },
      orderBy: { createdAt: 'asc' },
    });
    if (!candidate) return null;
    const taken = await db.scheduledJob.updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
      data: {
        status: 'ACTIVE',
        attempts: { increment: 1 },
        lockedUntil: new Date(now.getTime() + JOB_EXPIRY_SECONDS * 1000),
      },
    });
    return taken.count === 1 ? candidate : 'raced';
  }
  return {
    engine: 'in-process',
    async enqueue(name, key, data) {
      try {
        await db.scheduledJob.create({ data: { name, key, data: data as never } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async workDue(handlers: Readonly<Record<string, JobHandler>>) {
      const ran: string[] = [];
      const names = Object.keys(handlers);
      for (;;) {
        const job = await take(names);
        if (job === null) return ran;
        if (job === 'raced') continue;
        try {
          await handlers[job.name]!(job.data as Record<string, unknown>);
          await db.scheduledJob.update({
            where: { id: job.id },
            data: { status: 'COMPLETED', completedAt: new Date(), lockedUntil: null, lastError: null },
          });
          ran.push(job.key);
        } catch (error) {
          const failedForGood = job.attempts + 1 >= JOB_RETRY_LIMIT;
          await db.scheduledJob.update({
            where: { id: job.id },
            data: {
              status: failedForGood ? 'FAILED' : 'QUEUED',
              lockedUntil: null,
              lastError: error instanceof Error ? error.message : String(error),
            },
          });
          if (!failedForGood) return ran; // try again on the next round, not in a tight loop
        }
      }
    },
    async close() {},
  };
}
