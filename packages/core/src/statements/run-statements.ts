import type { Practice, Statement } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { StatementDocument } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { accountPatients, buildStatement } from './build-statement.ts';
import type { Account } from './build-statement.ts';

export interface StatementRunResult {
  created: Statement[];
  /** Accounts that already had a statement dated that day (a run is idempotent per account and date). */
  alreadyStated: number;
  /** Accounts under the minimum balance. */
  belowMinimum: number;
  /** Accounts not stated because a statement hold stands (see `StatementOptions.holdOf`). */
  held: number;
}

/** The patient balance of every guarantor account of the practice on a date, in one aggregate. */
export async function accountBalances(
  ctx: DomainContext,
  practiceId: string,
  statementDate: string,
): Promise<Array<{ account: Account; balanceCents: number }>> {
  const rows = await ctx.db.ledgerEntry.groupBy({
    by: ['guarantorId', 'patientId'],
    where: { practiceId, account: 'PATIENT', effectiveDate: { lte: statementDate } },
    _sum: { amountCents: true },
  });
  const accounts = new Map<string, { account: Account; balanceCents: number }>();
  for (const r of rows) {
    const key = r.guarantorId ? `g:${r.guarantorId}` : `p:${r.patientId}`;
    const current = accounts.get(key) ?? {
      account: r.guarantorId ? { guarantorId: r.guarantorId } : { patientId: r.patientId! },
      balanceCents: 0,
    };
    current.balanceCents += Number(r._sum.amountCents ?? 0);
    accounts.set(key, current);
  }
  return [...accounts.values()];
}

/** What a statement run may add to the ordinary statement: which dunning step it is, extra lines (a final notice). */
export interface StatementOptions {
  dueInDays?: number;
  dunningStep?: number;
  messages?: string[];
  /** Why an account must not be stated today (a statement hold), if it must not; a held account is skipped. */
  holdOf?: (account: Account) => Promise<string | undefined>;
}

/**
 * States one guarantor account on a date: builds the statement from the ledger, renders it with every configured
 * statement renderer and stores it with its snapshot (so it can be shown again exactly as sent) in one transaction.
 * Returns null when the account already has a statement dated that day (statements are unique per account and date).
 */
export async function stateAccount(
  ctx: DomainContext,
  practice: Practice,
  account: Account,
  statementDate: string,
  options: StatementOptions = {},
): Promise<Statement | null> {
  // Statements are unique per account and date: look before building (the account number is the first patient's).
  const patients = await accountPatients(ctx.db, account);
  const first = patients[0];
  if (
    !first ||
    (await ctx.db.statement.findFirst({
      where: { accountNumber: first.accountNumber, statementDate },
      select: { id: true },
    }))
  )
    return null;
  const statementId = crypto.randomUUID().replaceAll('-', '').slice(0, 25);
  const document = await buildStatement(
    ctx.db,
    practice,
    account,
    patients,
    statementDate,
    statementId,
    options.dueInDays,
  );
  const { patientId, guarantorId, ...built } = document;
  const snapshot = { ...built, messages: [...(options.messages ?? []), ...built.messages] };
  const renderers = [...ctx.plugins.statements.values()];
  const files = await Promise.all(renderers.map(async (r) => ({ key: pluginKey(r), file: await r.render(snapshot) })));
  return ctx.db.$transaction(async (tx) => {
    const created = await tx.statement.create({
      data: {
        id: statementId,
        organizationId: ctx.principal.organizationId,
        practiceId: practice.id,
        patientId,
        guarantorId,
        accountNumber: document.accountNumber,
        statementDate,
        dueDate: document.dueDate,
        balanceCents: document.amountDueCents,
        priorBalanceCents: document.priorBalanceCents,
        newChargesCents: document.newChargesCents,
        paymentsSinceCents: document.paymentsSinceCents,
        adjustmentsSinceCents: document.adjustmentsSinceCents,
        snapshot: snapshot as never,
        rendererId: files.map((f) => f.key).join(',') || 'none',
        dunningStep: options.dunningStep ?? 1,
      },
    });
    for (const { key, file } of files) {
      await tx.document.create({
        data: {
          organizationId: ctx.principal.organizationId,
          kind: 'statement',
          contentType: file.contentType,
          fileName: file.fileName,
          bytes: Buffer.from(file.bytes),
          rendererKey: key,
          statementId,
        },
      });
    }
    return created;
  });
}

/**
 * A statement run for one practice on a date: every guarantor account whose patient balance is at least the
 * minimum, and that no statement hold stops, gets a statement. Running again for the same date creates nothing new.
 */
export async function statePractice(
  ctx: DomainContext,
  practice: Practice,
  statementDate: string,
  minimumBalanceCents: number,
  options: StatementOptions = {},
): Promise<StatementRunResult> {
  const result: StatementRunResult = { created: [], alreadyStated: 0, belowMinimum: 0, held: 0 };
  for (const { account, balanceCents } of await accountBalances(ctx, practice.id, statementDate)) {
    if (balanceCents < minimumBalanceCents) {
      result.belowMinimum++;
      continue;
    }
    if (await options.holdOf?.(account)) {
      result.held++;
      continue;
    }
    const statement = await stateAccount(ctx, practice, account, statementDate, options);
    if (statement) result.created.push(statement);
    else result.alreadyStated++;
  }
  return result;
}

export type { StatementDocument };
