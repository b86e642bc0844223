import { audited } from '../audit/audited.ts';
import type { CollectionAgency } from '../db/prisma-client.ts';
import { ConflictError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { collectorContactColumns } from './collector-contact.ts';
import type { CollectorContactInput } from './collector-contact.ts';

export interface CreateCollectionAgencyInput extends CollectorContactInput {
  name: string;
  /** Key of a configured collections exporter. */
  exporterId: string;
  /** @default false */
  reportsToCreditBureaus?: boolean | null;
}

/**
 * Adds an agency the organization places accounts with, through a configured collections exporter, with the
 * mailing address and telephone its validation notices print.
 */
export const createCollectionAgency = defineOperation({
  name: 'createCollectionAgency',
  roles: ['admin'],
  run: (ctx, input: CreateCollectionAgencyInput): Promise<CollectionAgency> =>
    audited(ctx, 'createCollectionAgency', async (tx) => {
      if (!ctx.plugins.collections.has(input.exporterId)) {
        const configured = [...ctx.plugins.collections.keys()].join(', ') || 'none';
        throw new ValidationError([
          {
            path: ['input', 'exporterId'],
            code: 'UNKNOWN_EXPORTER',
            message: `exporterId: configured exporters are ${configured}`,
          },
        ]);
      }
      const name = input.name.trim();
      if (!name)
        throw new ValidationError([{ path: ['input', 'name'], code: 'REQUIRED', message: 'name: name the agency' }]);
      const checks = new FieldChecks();
      const contact = collectorContactColumns(input, checks);
      checks.throwIfAny();
      if (await tx.collectionAgency.findFirst({ where: { name } }))
        throw new ConflictError(`An agency named ${name} exists already`);
      const agency = await tx.collectionAgency.create({
        data: {
          organizationId: ctx.principal.organizationId,
          name,
          exporterKey: input.exporterId,
          reportsToCreditBureaus: input.reportsToCreditBureaus ?? false,
          ...contact,
        },
      });
      return { result: agency, recordIds: [globalId('CollectionAgency', agency.id)] };
    }),
});
