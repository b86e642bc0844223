/**
 * A unique constraint refused the write: a concurrent identical request committed first. Callers that can name the
 * winner (an idempotency key, a file's hash, an account number) look it up and answer with it. A model write
 * reports it as P2002; a plain INSERT (`insertMany`) as a raw query's failure (P2010) whose driver error says so.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  const known = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  if (known?.code === 'P2002') return true;
  return known?.code === 'P2010' && known.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
};
