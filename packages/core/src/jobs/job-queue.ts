/** Runs one job. Throwing fails the attempt; the queue retries it later. Handlers must be idempotent. */
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * Background jobs that run once across server instances and survive restarts. Two engines, one contract:
 * pg-boss on PostgreSQL, an in-database queue on the embedded SQLite default.
 */
export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Queues a job once per (name, key), ever: a second call with the same key adds nothing and returns false. */
  enqueue(name: string, key: string, data: Record<string, unknown>): Promise<boolean>;
  /**
   * Takes waiting jobs of these names one at a time (a job taken by another instance is skipped) and runs them
   * until none is left. Returns the keys of the jobs this call ran.
   */
  workDue(handlers: Readonly<Record<string, JobHandler>>): Promise<string[]>;
  close(): Promise<void>;
}

/** A job stuck this long in ACTIVE (its worker died) is taken again. */
export const JOB_EXPIRY_SECONDS = 15 * 60;
export const JOB_RETRY_LIMIT = 3;
