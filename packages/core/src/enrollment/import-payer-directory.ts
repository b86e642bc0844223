import { audited } from '../audit/audited.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requireWholeOrganization } from '../operations/whole-organization.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { readDirectory } from './payer-directory-rows.ts';

export interface ImportPayerDirectoryInput {
  /** The connector (clearinghouse) the list comes from: payers it lists with claims are routed through it. */
  connectorId: string;
  csv: string;
}

export interface PayerDirectoryImported {
  rows: number;
  /** The organization's payers found in the list (by payer id) that now submit claims through the connector. */
  payersMapped: number;
  /** REQUIRED enrollments recorded for practices' group NPIs, where none was on record. */
  enrollmentsRequired: number;
  /** The organization's payers the list does not name: their claims do not go through this connector. */
  payersNotListed: string[];
}

/**
 * Reads a clearinghouse's payer list (payer id, name, transactions, enrollment required): every payer of the
 * organization with that payer id and claims among its transactions is routed through the connector, and for each
 * transaction needing enrollment each practice's group NPI gets a REQUIRED enrollment unless one is on record (a
 * status a biller set is never overwritten). All or nothing; bad rows are reported by line and column.
 */
export const importPayerDirectory = defineOperation({
  name: 'importPayerDirectory',
  roles: ['admin'],
  run: (ctx, input: ImportPayerDirectoryInput): Promise<PayerDirectoryImported> => {
    requireWholeOrganization(ctx, 'importPayerDirectory');
    return audited(ctx, 'importPayerDirectory', async (tx) => {
      const checks = new FieldChecks();
      if (!ctx.plugins.payers.has(input.connectorId))
        checks.add(
          ['input', 'connectorId'],
          'UNKNOWN_CONNECTOR',
          `no payer connector "${input.connectorId}" is configured`,
        );
      const rows = readDirectory(input.csv, checks);
      if (rows.length === 0 && checks.errors.length === 0)
        checks.add(['input', 'csv'], 'EMPTY', 'no rows under the header');
      checks.throwIfAny();
      const listed = new Map(rows.map((row) => [row.payerIdentifier, row]));
      const payers = await tx.payer.findMany({ orderBy: { name: 'asc' } });
      const practices = await tx.practice.findMany({ select: { id: true, npi: true } });
      const matched = payers.filter((p) => listed.has(p.payerIdentifier));
      const onRecord = await tx.payerEnrollment.findMany({
        where: { payerId: { in: matched.map((p) => p.id) } },
        select: { practiceId: true, payerId: true, npi: true, transaction: true },
      });
      const known = new Set(onRecord.map((e) => `${e.practiceId} ${e.payerId} ${e.npi} ${e.transaction}`));
      let payersMapped = 0;
      const required = [];
      for (const payer of matched) {
        const row = listed.get(payer.payerIdentifier)!;
        if (row.supported.some((t) => t === 'CLAIMS_837P' || t === 'CLAIMS_837I')) {
          if (payer.connectorId !== input.connectorId)
            await tx.payer.update({ where: { id: payer.id }, data: { connectorId: input.connectorId } });
          payersMapped++;
        }
        for (const practice of practices)
          for (const transaction of row.enrollmentRequired)
            if (!known.has(`${practice.id} ${payer.id} ${practice.npi} ${transaction}`))
              required.push({
                organizationId: ctx.principal.organizationId,
                practiceId: practice.id,
                payerId: payer.id,
                npi: practice.npi,
                transaction,
                status: 'REQUIRED' as const,
                note: `required by the ${input.connectorId} payer list`,
              });
      }
      if (required.length) await tx.payerEnrollment.createMany({ data: required });
      return {
        result: {
          rows: rows.length,
          payersMapped,
          enrollmentsRequired: required.length,
          payersNotListed: payers.filter((p) => !listed.has(p.payerIdentifier)).map((p) => p.name),
        },
        recordIds: matched.map((p) => globalId('Payer', p.id)),
      };
    });
  },
});
