import { audited } from '../audit/audited.ts';
import type { CollectionAgency } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { collectorContactColumns } from './collector-contact.ts';
import type { CollectorContactInput } from './collector-contact.ts';

export interface UpdateCollectionAgencyInput extends CollectorContactInput {
  agencyId: string;
}

/** Sets an agency's mailing address, telephone or electronic dispute address (what is given changes). */
export const updateCollectionAgency = defineOperation({
  name: 'updateCollectionAgency',
  roles: ['admin'],
  run: (ctx, input: UpdateCollectionAgencyInput): Promise<CollectionAgency> =>
    audited(ctx, 'updateCollectionAgency', async (tx) => {
      const checks = new FieldChecks();
      const contact = collectorContactColumns(input, checks);
      checks.throwIfAny();
      if (!(await tx.collectionAgency.findUnique({ where: { id: input.agencyId } })))
        throw new NotFoundError('CollectionAgency', globalId('CollectionAgency', input.agencyId));
      const agency = await tx.collectionAgency.update({ where: { id: input.agencyId }, data: contact });
      return { result: agency, recordIds: [globalId('CollectionAgency', agency.id)] };
    }),
});
