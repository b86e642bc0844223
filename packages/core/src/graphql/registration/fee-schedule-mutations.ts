import { builder } from '../builder.ts';
import { importFeeSchedule } from '../../fee-schedules/import-fee-schedule.ts';
import type { ImportFeeScheduleResult } from '../../fee-schedules/import-fee-schedule.ts';
import { decodeId } from '../../ids/global-id.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { FeeScheduleRef } from './fee-schedule-types.ts';

const ImportFeeScheduleInput = builder.inputType('ImportFeeScheduleInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    payerId: t.id({
      description: 'The payer whose contracted rates these are; omit for the practice’s charge master.',
    }),
    name: t.string({ description: '@default "Charge master" or "<payer> contracted rates"' }),
    csv: t.string({
      required: true,
      description:
        'CSV with a header row. Columns: `code` (CPT/HCPCS), `modifier` (optional), `amount` (dollars, e.g. 125.00) or ' +
        '`amount_cents`, `effective_date` (YYYY-MM-DD, default today), `end_date` (optional). At most 20 000 rows.',
    }),
  }),
});

const ImportFeeSchedulePayload = builder.objectRef<ImportFeeScheduleResult>('ImportFeeScheduleSuccess').implement({
  fields: (t) => ({
    feeSchedule: t.field({ type: FeeScheduleRef, resolve: (r) => r.feeSchedule }),
    importedRows: t.exposeInt('importedRows'),
    createdEntries: t.exposeInt('createdEntries'),
    updatedEntries: t.exposeInt('updatedEntries', {
      description: 'Rows that replaced the amount of an existing code/modifier/date.',
    }),
  }),
});

builder.mutationField('importFeeSchedule', (t) =>
  t.field({
    type: ImportFeeSchedulePayload,
    description:
      'Imports a charge master or a payer’s contracted rates from CSV. All or nothing: any bad row rejects the import with ' +
      'a ValidationError listing every problem by line and column (path ["input","csv",<line>,<column>]). Admins and billers.',
    authScopes: scopesOf(importFeeSchedule),
    args: { input: t.arg({ type: ImportFeeScheduleInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ImportFeeSchedulePayload' } },
    resolve: (_root, { input }, ctx) =>
      importFeeSchedule.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
        payerId: input.payerId ? decodeId('Payer', String(input.payerId), ['input', 'payerId']) : null,
      }),
  }),
);
