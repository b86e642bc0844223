import type { JobHandler } from '../jobs/job-queue.ts';
import type { BillingMetrics } from './metrics.ts';
import { measured } from './metrics.ts';

/** The same job handlers, each run counted and timed in the metrics by job name and outcome. */
export function instrumentJobs(
  handlers: Readonly<Record<string, JobHandler>>,
  metrics: BillingMetrics,
): Record<string, JobHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([job, handler]) => [
      job,
      (data: Record<string, unknown>) =>
        measured(
          (outcome) => metrics.jobs.inc({ job, outcome }),
          () => metrics.jobSeconds.startTimer({ job }),
          () => handler(data),
        ),
    ]),
  );
}
