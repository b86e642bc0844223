import type { Db, Patient, Practice } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import type { Account } from '../statements/build-statement.ts';
import { accountOfPatient, patientsOf } from './guarantor-account.ts';

export interface ResolvedAccount {
  account: Account;
  practice: Practice;
  /** The account's patients, the first being the one statements and contacts go to. */
  patients: Patient[];
}

/**
 * The guarantor account a patient belongs to, with its practice and patients. Domain operations name an account by
 * any of its patients; `notFoundId` is the id the caller used, for the error.
 */
export async function accountByPatient(db: Db, patientId: string, notFoundId: string): Promise<ResolvedAccount> {
  const patient = await db.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
  if (!patient) throw new NotFoundError('Account', notFoundId);
  const account = accountOfPatient(patient);
  const patients = await patientsOf(db, account);
  return { account, practice: patient.practice, patients: patients.length ? patients : [patient] };
}
