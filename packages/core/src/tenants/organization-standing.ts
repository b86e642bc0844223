import type { Db } from '../db/prisma-client.ts';

/** Whether a token's organization may use the API: it exists and is not deactivated. */
export type OrganizationStanding = 'active' | 'unknown' | 'deactivated';

/**
 * Looks the organization up on every authenticated request (a primary-key read), so a deactivation takes effect
 * at once on every server instance; no cache to go stale.
 */
export async function organizationStanding(db: Db, organizationId: string): Promise<OrganizationStanding> {
  const found = await db.organization.findUnique({ where: { id: organizationId }, select: { deactivatedAt: true } });
  if (!found) return 'unknown';
  return found.deactivatedAt ? 'deactivated' : 'active';
}

/** The HTTP answer to a token whose organization may not use the API. */
export function refusalFor(standing: Exclude<OrganizationStanding, 'active'>): { status: number; body: string } {
  const error =
    standing === 'unknown'
      ? {
          message: "The token's organization does not exist",
          extensions: { code: 'UNAUTHENTICATED', reason: 'ORGANIZATION_NOT_FOUND' },
        }
      : {
          message: "The token's organization is deactivated",
          extensions: { code: 'FORBIDDEN', reason: 'ORGANIZATION_DEACTIVATED' },
        };
  return { status: standing === 'unknown' ? 401 : 403, body: JSON.stringify({ errors: [error] }) };
}
