/**
 * What of an error may go to the log. Prisma's messages quote the failing call with its arguments — patient names,
 * dates of birth — so for those only the first line and the reason are kept. No PHI in logs.
 */
export function logSafeError(error: unknown): { type: string; code?: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error thrown' };
  const code = (error as { code?: unknown }).code;
  const lines = error.message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const quotesCall = lines.length > 2 && /invocation/.test(lines[0] ?? '');
  const message = quotesCall ? `${lines[0]} … ${lines.at(-1)}` : error.message;
  const stack = error.stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), message, stack };
}
