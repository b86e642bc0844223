import type { Logger } from 'pino';

/**
 * Runs `round` every `intervalMs`, one round at a time (a slow round delays the next rather than overlapping it),
 * logging a failed round and going on. The timer does not keep the process alive. Returns a function that stops
 * it and waits for the round in progress.
 */
export function runEvery(
  intervalMs: number,
  round: () => Promise<unknown>,
  logger: Logger,
  what: string,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(round)
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.message : String(error) }, `${what} failed`),
      );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
