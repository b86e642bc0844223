import type { Db, Patient } from '../db/prisma-client.ts';
import type { Account } from '../statements/build-statement.ts';

/** One key per guarantor account: `g:<guarantorId>` for a guarantor's patients, `p:<patientId>` for a self-pay patient. */
export function accountKeyOf(account: Account): string {
  return 'guarantorId' in account ? `g:${account.guarantorId}` : `p:${account.patientId}`;
}

/** The guarantor account of a record that names its patient and guarantor (a plan, a placement, a dunning position). */
export function accountOf(record: { guarantorId: string | null; patientId: string }): Account {
  return record.guarantorId ? { guarantorId: record.guarantorId } : { patientId: record.patientId };
}

/** The guarantor account a patient's balance belongs to. */
export function accountOfPatient(patient: Pick<Patient, 'id' | 'guarantorId'>): Account {
  return accountOf({ guarantorId: patient.guarantorId, patientId: patient.id });
}

/** The ids of every patient on the guarantor account a patient belongs to. */
export async function accountPatientIds(db: Db, patient: Pick<Patient, 'id' | 'guarantorId'>): Promise<string[]> {
  // A patient who is their own guarantor is alone on the account: nothing to read.
  if (!patient.guarantorId) return [patient.id];
  return (await patientsOf(db, accountOfPatient(patient))).map((p) => p.id);
}

/** The patients on an account, the first (by account number) being the one statements and contacts go to. */
export async function patientsOf(db: Db, account: Account): Promise<Patient[]> {
  return db.patient.findMany({
    where: 'guarantorId' in account ? { guarantorId: account.guarantorId } : { id: account.patientId },
    orderBy: { accountNumber: 'asc' },
  });
}
