import { randomBytes } from 'node:crypto';

/** Tells this process's ids from another's made in the same millisecond. */
const PROCESS_TAG = randomBytes(5).toString('hex');
let lastMs = 0;
let counter = 0;

/**
 * A row id made before the row is written, so that rows inserted together (a claim payment, its lines and their
 * adjustments) can point at each other in one multi-row INSERT each. Ids sort in the order this process made
 * them (time, then a counter), like Prisma's cuid defaults, so `ORDER BY createdAt, id` keeps the posting order
 * of rows written in the same millisecond; the process tag keeps two processes' ids apart.
 */
export function newId(): string {
  // Never earlier than the last id, even when the clock is set back: ids stay unique and ordered.
  const now = Math.max(Date.now(), lastMs);
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  return `c${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(5, '0')}${PROCESS_TAG}`;
}
