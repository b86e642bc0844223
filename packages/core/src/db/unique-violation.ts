/**
 * A unique constraint refused the write: a concurrent identical request committed first. Callers that can name the
 * winner (an idempotency key, a file's hash, an account number) look it up and answer with it.
 */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === 'P2002';
