import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Db } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { accountByPatient } from '../patient-billing/account-of-patient.ts';
import type { ResolvedAccount } from '../patient-billing/account-of-patient.ts';

/**
 * An account argument: the id of a DunningAccount (what `dunningAccounts` and `collectionCandidates` list) or of
 * any Patient on the guarantor account. Both name the same account; the domain names it by a patient id.
 */
export async function accountPatientId(
  ctx: { db: Db },
  accountId: string,
  path: Array<string | number>,
): Promise<string> {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(accountId);
  } catch {
    decoded = undefined;
  }
  if (decoded?.typename === 'Patient') return decoded.id;
  if (decoded?.typename !== 'DunningAccount') {
    throw new ValidationError([
      { path, code: 'INVALID_ID', message: `${path.join('.')}: not a DunningAccount or Patient id` },
    ]);
  }
  const state = await ctx.db.dunningState.findUnique({ where: { id: decoded.id } });
  if (!state) throw new NotFoundError('Account', accountId);
  return state.patientId;
}

/** The account an account argument names, for queries. */
export async function resolveAccount(
  ctx: { db: Db },
  accountId: string,
  path: Array<string | number>,
): Promise<ResolvedAccount> {
  return accountByPatient(ctx.db, await accountPatientId(ctx, accountId, path), accountId);
}
