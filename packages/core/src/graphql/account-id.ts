import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Patient, Practice } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { accountOfPatient, patientsOf } from '../patient-billing/guarantor-account.ts';
import type { Account } from '../statements/build-statement.ts';
import type { BillingContext } from './context.ts';

export interface ResolvedAccount {
  account: Account;
  practice: Practice;
  /** The account's patients, the first being the one statements and contacts go to. */
  patients: Patient[];
}

/**
 * An account argument: the id of a DunningAccount (what `dunningAccounts` and `collectionCandidates` list) or of
 * any Patient on the guarantor account. Both name the same account.
 */
export async function resolveAccount(ctx: BillingContext, accountId: string, path: Array<string | number>): Promise<ResolvedAccount> {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(accountId);
  } catch {
    decoded = undefined;
  }
  let patientId: string | undefined;
  if (decoded?.typename === 'Patient') patientId = decoded.id;
  else if (decoded?.typename === 'DunningAccount') patientId = (await ctx.db.dunningState.findUnique({ where: { id: decoded.id } }))?.patientId;
  else throw new ValidationError([{ path, code: 'INVALID_ID', message: `${path.join('.')}: not a DunningAccount or Patient id` }]);
  const patient = patientId ? await ctx.db.patient.findUnique({ where: { id: patientId }, include: { practice: true } }) : null;
  if (!patient) throw new NotFoundError('Account', accountId);
  const account = accountOfPatient(patient);
  const patients = await patientsOf(ctx.db, account);
  return { account, practice: patient.practice, patients: patients.length ? patients : [patient] };
}
