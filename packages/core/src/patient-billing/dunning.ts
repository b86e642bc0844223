import type { DunningState, Patient, Practice } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Account } from '../statements/build-statement.ts';
import { stateAccount } from '../statements/run-statements.ts';
import { addDays, daysBetween } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';
import type { DunningStep, PatientBillingPolicy } from './billing-policy.ts';
import { contactPatient } from './contact.ts';
import { accountKeyOf, accountOfPatient } from './guarantor-account.ts';
import { STATEMENT_HOLDS, holdsFrom, loadHoldFacts } from './holds.ts';
import type { Hold, HoldFacts } from './holds.ts';

/** What the day's run did for one account. */
export type DunningOutcome =
  | { kind: 'STEP'; step: DunningStep; stepNumber: number }
  | { kind: 'CYCLE_STATEMENT' }
  | { kind: 'HELD'; holds: Hold[] }
  | { kind: 'WAITING' }
  | { kind: 'RESOLVED' }
  | { kind: 'NONE' };

const FINAL_NOTICE = (practice: Practice, dueDate: string, collectionsOn: string | undefined) =>
  `FINAL NOTICE: please pay the amount due by ${dueDate}${practice.phone ? ` or call ${practice.phone} to set up a payment plan` : ' or ask us about a payment plan'}.` +
  (collectionsOn ? ` After ${collectionsOn} this account may be referred to a collection agency.` : '');

/** Why the account is where it is, in a sentence billers can read. */
function explain(
  policy: PatientBillingPolicy,
  state: Pick<DunningState, 'anchorDate' | 'stepsDone' | 'lastStepDate' | 'sequenceStart'>,
  holds: Hold[],
): string {
  const steps = policy.dunningSteps;
  const next = steps[state.stepsDone];
  const done = steps[state.stepsDone - 1];
  const since = done
    ? `${done.name} (step ${state.stepsDone} of ${steps.length}) ran ${state.lastStepDate}`
    : `sequence begins ${state.sequenceStart}`;
  if (!next) return `Dunning finished: ${since}; the account is ready for collections.`;
  const due = addDays(state.anchorDate, next.dayOffset);
  if (holds.length)
    return `Held: ${holds.map((h) => h.reason).join('; ')}. ${since}; step ${state.stepsDone + 1} (${next.name}) waits until the hold ends.`;
  return `Step ${state.stepsDone + 1} of ${steps.length} (${next.name}) on ${due} because ${since} and this step comes ${next.dayOffset} days after the first statement.`;
}

/**
 * What one practice's day of dunning reads, loaded once for all its accounts: their positions, patients, hold
 * facts and latest statement dates — a few queries a day instead of several per account.
 */
export interface DunningDay {
  states: Map<string, DunningState>;
  patients: Map<string, Patient[]>;
  facts: HoldFacts;
  lastStatement: Map<string, string>;
}

export async function loadDunningDay(ctx: DomainContext, practice: Practice, today: string): Promise<DunningDay> {
  const [states, patients, facts, statements] = await Promise.all([
    ctx.db.dunningState.findMany({ where: { practiceId: practice.id } }),
    ctx.db.patient.findMany({ where: { practiceId: practice.id }, orderBy: { accountNumber: 'asc' } }),
    loadHoldFacts(ctx.db, { practiceId: practice.id }, today),
    ctx.db.statement.groupBy({
      by: ['accountNumber'],
      where: { practiceId: practice.id, statementDate: { lte: today } },
      _max: { statementDate: true },
    }),
  ]);
  const byAccount = new Map<string, Patient[]>();
  for (const p of patients) {
    const key = accountKeyOf(accountOfPatient(p));
    byAccount.set(key, [...(byAccount.get(key) ?? []), p]);
  }
  return {
    states: new Map(states.map((s) => [s.accountKey, s])),
    patients: byAccount,
    facts,
    lastStatement: new Map(statements.map((s) => [s.accountNumber, s._max.statementDate ?? ''])),
  };
}

/**
 * Moves one guarantor account along its practice's dunning sequence for `today`, at most one step a day:
 * starts a sequence when an account comes to owe the minimum, holds it while a skip condition stands, runs the
 * next step once its day has come (late after a hold: the following steps keep their spacing from it), and
 * closes the sequence when the balance falls under the minimum. Accounts past the last step, or held only from
 * escalation (a plan being kept), still get a statement every cycle. Every effect is idempotent per step; the
 * position is written only when it changed.
 */
export async function advanceDunning(
  ctx: DomainContext,
  practice: Practice,
  policy: PatientBillingPolicy,
  account: Account,
  balanceCents: number,
  today: string,
  day: DunningDay,
): Promise<DunningOutcome> {
  const accountKey = accountKeyOf(account);
  const existing = day.states.get(accountKey);
  if (existing?.status === 'PLACED') return { kind: 'NONE' };
  if (balanceCents < policy.minimumBalanceCents) {
    if (existing && existing.status !== 'RESOLVED') {
      await ctx.db.dunningState.update({
        where: { id: existing.id },
        data: {
          status: 'RESOLVED',
          explanation: `Nothing to collect: the balance fell to ${formatCents(balanceCents)} (under the ${formatCents(policy.minimumBalanceCents)} minimum) by ${today}.`,
          lastEvaluatedDate: today,
        },
      });
      return { kind: 'RESOLVED' };
    }
    return { kind: 'NONE' };
  }
  const patients = day.patients.get(accountKey) ?? [];
  const patient = patients[0];
  if (!patient) return { kind: 'NONE' };
  const holds = holdsFrom(day.facts, patients, policy, today, ctx.clock.now(), practice.timeZone);
  const statementHeld = holds.some((h) => STATEMENT_HOLDS.has(h.condition));

  const fresh = !existing || existing.status === 'RESOLVED';
  const state = fresh ? { anchorDate: today, stepsDone: 0, lastStepDate: null, sequenceStart: today } : existing;
  const save = async (data: {
    status: string;
    explanation: string;
    stepsDone?: number;
    anchorDate?: string;
    lastStepDate?: string;
  }) => {
    const row = { ...state, ...data };
    const fields = {
      status: row.status,
      explanation: row.explanation,
      stepsDone: row.stepsDone,
      anchorDate: row.anchorDate,
      lastStepDate: row.lastStepDate,
      sequenceStart: row.sequenceStart,
    };
    if (
      existing &&
      !fresh &&
      (Object.keys(fields) as Array<keyof typeof fields>).every((k) => existing[k] === fields[k])
    )
      return; // nothing moved
    if (existing)
      await ctx.db.dunningState.update({ where: { id: existing.id }, data: { ...fields, lastEvaluatedDate: today } });
    else
      await ctx.db.dunningState.create({
        data: {
          ...fields,
          lastEvaluatedDate: today,
          organizationId: ctx.principal.organizationId,
          practiceId: practice.id,
          accountKey,
          patientId: patient.id,
          guarantorId: patient.guarantorId,
        },
      });
  };

  // A sequence does not start while a statement hold stands: there is nothing to count its days from.
  if (fresh && statementHeld) {
    await save({ status: 'HELD', explanation: explain(policy, state, holds) });
    return { kind: 'HELD', holds };
  }
  const next = policy.dunningSteps[state.stepsDone];
  const cycleStatement = async (): Promise<DunningOutcome | undefined> => {
    if (statementHeld) return undefined;
    const last = day.lastStatement.get(patient.accountNumber);
    if (last && daysBetween(last, today) < policy.statementCycleDays) return undefined;
    const statement = await stateAccount(ctx, practice, account, today, {
      dueInDays: policy.dueInDays,
      dunningStep: state.stepsDone,
    });
    if (statement)
      await contactPatient(ctx, {
        patient,
        practice,
        purpose: 'STATEMENT',
        template: 'statement',
        channels: ['MAIL', 'EMAIL'],
        variables: variables(practice, patient, statement.balanceCents, statement.dueDate, today),
        dedupeKey: `statement:${statement.id}`,
        statementId: statement.id,
        at: ctx.clock.now(),
      });
    return statement ? { kind: 'CYCLE_STATEMENT' } : undefined;
  };

  if (!next) {
    await save({ status: 'COMPLETED', explanation: explain(policy, state, []) });
    return (await cycleStatement()) ?? { kind: 'WAITING' };
  }
  if (holds.length) {
    await save({ status: 'HELD', explanation: explain(policy, state, holds) });
    return (await cycleStatement()) ?? { kind: 'HELD', holds };
  }
  const due = addDays(state.anchorDate, next.dayOffset);
  if (due > today) {
    await save({ status: 'ACTIVE', explanation: explain(policy, state, []) });
    return { kind: 'WAITING' };
  }

  // Run the step. Late (after a hold), the sequence re-anchors so the steps after it keep their spacing.
  const stepNumber = state.stepsDone + 1;
  const anchorDate = due < today ? addDays(today, -next.dayOffset) : state.anchorDate;
  const dedupeKey = `dunning:${accountKey}:${state.sequenceStart}:${stepNumber}`;
  const collectionsStep = policy.dunningSteps.find((s) => s.action === 'READY_FOR_COLLECTIONS');
  if (next.action === 'STATEMENT' || next.action === 'FINAL_NOTICE') {
    const collectionsOn = collectionsStep ? addDays(anchorDate, collectionsStep.dayOffset) : undefined;
    const dueDate = addDays(today, policy.dueInDays);
    const statement =
      (await stateAccount(ctx, practice, account, today, {
        dueInDays: policy.dueInDays,
        dunningStep: stepNumber,
        ...(next.action === 'FINAL_NOTICE' ? { messages: [FINAL_NOTICE(practice, dueDate, collectionsOn)] } : {}),
      })) ??
      (await ctx.db.statement.findFirst({ where: { accountNumber: patient.accountNumber, statementDate: today } }));
    await contactPatient(ctx, {
      patient,
      practice,
      purpose: next.action,
      template: next.template,
      channels: next.channels,
      variables: variables(practice, patient, balanceCents, dueDate, today),
      dedupeKey,
      ...(statement ? { statementId: statement.id } : {}),
      at: ctx.clock.now(),
    });
  } else if (next.action === 'REMINDER') {
    const last = await ctx.db.statement.findFirst({
      where: { accountNumber: patient.accountNumber },
      orderBy: { statementDate: 'desc' },
    });
    await contactPatient(ctx, {
      patient,
      practice,
      purpose: 'REMINDER',
      template: next.template,
      channels: next.channels,
      variables: variables(practice, patient, balanceCents, last?.dueDate, last?.statementDate),
      dedupeKey,
      at: ctx.clock.now(),
    });
  }
  const after = { ...state, stepsDone: stepNumber, anchorDate, lastStepDate: today };
  await save({
    status: policy.dunningSteps[stepNumber] ? 'ACTIVE' : 'COMPLETED',
    explanation: explain(policy, after, []),
    stepsDone: stepNumber,
    anchorDate,
    lastStepDate: today,
  });
  return { kind: 'STEP', step: next, stepNumber };
}

function variables(
  practice: Practice,
  patient: { firstName: string; lastName: string; accountNumber: string },
  amountDueCents: number,
  dueDate: string | undefined,
  statementDate: string | undefined,
) {
  return {
    patientName: `${patient.firstName} ${patient.lastName}`,
    practiceName: practice.name,
    ...(practice.phone ? { practicePhone: practice.phone } : {}),
    accountNumber: patient.accountNumber,
    amountDueCents,
    ...(dueDate ? { dueDate } : {}),
    ...(statementDate ? { statementDate } : {}),
  };
}
