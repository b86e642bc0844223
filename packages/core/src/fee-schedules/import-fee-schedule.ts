import { decimalToScaled } from '@revcycle/x12';
import { audited } from '../audit/audited.ts';
import type { FeeSchedule } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requirePractice } from '../registration/practices.ts';
import { isCalendarDate, todayIn } from '../util/calendar-date.ts';
import { parseCsv } from '../util/csv.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { isModifier, isProcedureCode } from '../validation/medical-codes.ts';

const MAX_ROWS = 20_000;

export interface ImportFeeScheduleInput {
  practiceId: string;
  /** A payer's contracted rates; omit for the practice's charge master. */
  payerId?: string | null;
  /** @default "Charge master" or "<payer> contracted rates" */
  name?: string | null;
  /** Header `code`, `modifier`, `amount` (dollars) or `amount_cents`, `effective_date`, `end_date`. */
  csv: string;
}

export interface ImportFeeScheduleResult {
  feeSchedule: FeeSchedule;
  importedRows: number;
  createdEntries: number;
  updatedEntries: number;
}

interface Row {
  line: number;
  code: string;
  modifier: string;
  amountCents: number;
  effectiveDate: string;
  endDate: string | null;
}

/** Reads every row, collecting every problem: the import is all or nothing, and the report lists them all. */
function readRows(csv: string, today: string, checks: FieldChecks, contracted: boolean): Row[] {
  const rows = parseCsv(csv);
  const header = rows.shift();
  const columns = header?.fields.map((f) => f.trim().toLowerCase().replace(/\s+/g, '_')) ?? [];
  const at = (name: string) => columns.indexOf(name);
  if (at('code') < 0 || (at('amount') < 0 && at('amount_cents') < 0)) {
    checks.addMessage(
      ['input', 'csv', 1],
      'MISSING_COLUMNS',
      'line 1: the header needs a `code` column and an `amount` (dollars) or `amount_cents` column',
    );
    return [];
  }
  if (rows.length > MAX_ROWS)
    checks.add(['input', 'csv'], 'TOO_MANY_ROWS', `at most ${MAX_ROWS} rows per import, got ${rows.length}`);
  const seen = new Map<string, number>();
  return rows.map(({ line, fields }) => {
    const value = (name: string) => (at(name) >= 0 ? (fields[at(name)] ?? '').trim() : '');
    const fail = (column: string, code: string, message: string) =>
      checks.addMessage(['input', 'csv', line, column], code, `line ${line}, ${column}: ${message}`);
    const code = value('code').toUpperCase();
    const modifier = value('modifier').toUpperCase();
    if (!isProcedureCode(code)) fail('code', 'INVALID_PROCEDURE_CODE', `"${code}" is not a CPT or HCPCS Level II code`);
    if (modifier && !isModifier(modifier)) fail('modifier', 'INVALID_MODIFIER', `"${modifier}" is not a modifier`);
    const amountCents =
      at('amount_cents') >= 0
        ? /^\d+$/.test(value('amount_cents'))
          ? Number(value('amount_cents'))
          : undefined
        : decimalToScaled(value('amount').replace(/^\$/, '').replace(/,/g, ''), 2);
    if (amountCents === undefined || amountCents < 0)
      fail(
        at('amount_cents') >= 0 ? 'amount_cents' : 'amount',
        'INVALID_AMOUNT',
        `"${value(at('amount_cents') >= 0 ? 'amount_cents' : 'amount')}" is not an amount ≥ 0 with at most 2 decimals`,
      );
    // A contract's rates take effect on the contract's date: defaulting to today would leave every earlier visit
    // unchecked for underpayment. A practice's own charge master may start today.
    if (contracted && !value('effective_date'))
      fail('effective_date', 'MISSING_EFFECTIVE_DATE', 'a contracted rate needs the date the contract takes effect');
    const effectiveDate = value('effective_date') || today;
    if (!isCalendarDate(effectiveDate))
      fail('effective_date', 'INVALID_DATE', `"${effectiveDate}" is not a date YYYY-MM-DD`);
    const endDate = value('end_date') || null;
    if (endDate && !isCalendarDate(endDate)) fail('end_date', 'INVALID_DATE', `"${endDate}" is not a date YYYY-MM-DD`);
    else if (endDate && endDate < effectiveDate)
      fail('end_date', 'DATE_BEFORE_EFFECTIVE', `${endDate} is before the effective date ${effectiveDate}`);
    const key = `${code}|${modifier}|${effectiveDate}`;
    if (seen.has(key))
      fail(
        'code',
        'DUPLICATE_ROW',
        `${code}${modifier ? `-${modifier}` : ''} from ${effectiveDate} is already on line ${seen.get(key)}`,
      );
    else seen.set(key, line);
    return { line, code, modifier, amountCents: amountCents ?? 0, effectiveDate, endDate };
  });
}

/**
 * Imports a charge master or a payer's contracted rates from CSV. All or nothing: any bad row rejects the import
 * with a ValidationError listing every problem by line and column.
 */
export const importFeeSchedule = defineOperation({
  name: 'importFeeSchedule',
  roles: ['admin', 'biller'],
  run: (ctx, input: ImportFeeScheduleInput): Promise<ImportFeeScheduleResult> =>
    audited(ctx, 'importFeeSchedule', async (tx) => {
      const practice = await requirePractice(tx, input.practiceId);
      const payerId = input.payerId ?? null;
      const payer = payerId ? await tx.payer.findUnique({ where: { id: payerId } }) : null;
      if (payerId && !payer) throw new NotFoundError('Payer', globalId('Payer', payerId));
      const checks = new FieldChecks();
      const rows = readRows(input.csv, todayIn(practice.timeZone, ctx.clock.now()), checks, payerId !== null);
      if (rows.length === 0 && checks.errors.length === 0)
        checks.add(['input', 'csv'], 'EMPTY', 'no rows under the header');
      checks.throwIfAny();
      const name = input.name ?? (payer ? `${payer.name} contracted rates` : 'Charge master');
      const schedule =
        (await tx.feeSchedule.findFirst({ where: { practiceId: practice.id, payerId } })) ??
        (await tx.feeSchedule.create({
          data: { organizationId: ctx.principal.organizationId, practiceId: practice.id, payerId, name },
        }));
      const existing = await tx.feeScheduleEntry.findMany({
        where: { feeScheduleId: schedule.id },
        select: { id: true, procedureCode: true, modifier: true, effectiveDate: true },
      });
      const byKey = new Map(existing.map((e) => [`${e.procedureCode}|${e.modifier}|${e.effectiveDate}`, e.id]));
      const creates = rows.filter((r) => !byKey.has(`${r.code}|${r.modifier}|${r.effectiveDate}`));
      const updates = rows.filter((r) => byKey.has(`${r.code}|${r.modifier}|${r.effectiveDate}`));
      const organizationId = ctx.principal.organizationId;
      for (let i = 0; i < creates.length; i += 1000) {
        await tx.feeScheduleEntry.createMany({
          data: creates.slice(i, i + 1000).map((r) => ({
            organizationId,
            feeScheduleId: schedule.id,
            procedureCode: r.code,
            modifier: r.modifier,
            amountCents: r.amountCents,
            effectiveDate: r.effectiveDate,
            endDate: r.endDate,
          })),
        });
      }
      for (const r of updates)
        await tx.feeScheduleEntry.update({
          where: { id: byKey.get(`${r.code}|${r.modifier}|${r.effectiveDate}`)! },
          data: { amountCents: r.amountCents, endDate: r.endDate },
        });
      const feeSchedule = await tx.feeSchedule.update({
        where: { id: schedule.id },
        data: input.name ? { name: input.name } : { updatedAt: new Date() },
      });
      return {
        result: {
          feeSchedule,
          importedRows: rows.length,
          createdEntries: creates.length,
          updatedEntries: updates.length,
        },
        recordIds: [globalId('FeeSchedule', schedule.id)],
        practiceId: practice.id,
      };
    }),
});
