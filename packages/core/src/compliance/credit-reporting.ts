import { daysBetween } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';
import type { ComplianceRule } from './rules.ts';

export interface CreditReportingFacts {
  balanceCents: number;
  /** YYYY-MM-DD the debt became delinquent. */
  delinquencyDate: string;
  /** The debtor has been communicated with about the debt (no "passive" reporting). */
  contacted: boolean;
  /** The account is paid (or settled): medical debt that is paid is removed from the file. */
  paid: boolean;
  today: string;
}

export type CreditReportingDecision = { action: 'REPORT' | 'DO_NOT_REPORT' | 'DELETE'; reason: string };

/**
 * What an exporter that reports to the bureaus may do with a medical debt today: report it only when the debtor was
 * contacted, it is at least the minimum ($500) and has been delinquent at least the minimum days (365); delete it
 * once paid.
 */
export function creditReportingDecision(rule: ComplianceRule, facts: CreditReportingFacts): CreditReportingDecision {
  const { minimumCents, minimumDelinquencyDays } = rule.params as {
    minimumCents: number;
    minimumDelinquencyDays: number;
  };
  if (facts.paid) return { action: 'DELETE', reason: 'paid medical debt is removed' };
  if (!facts.contacted)
    return { action: 'DO_NOT_REPORT', reason: 'the debtor has not been contacted about the debt yet' };
  if (facts.balanceCents < minimumCents)
    return {
      action: 'DO_NOT_REPORT',
      reason: `medical debt under ${formatCents(minimumCents)} is not reported (balance ${formatCents(facts.balanceCents)})`,
    };
  const days = daysBetween(facts.delinquencyDate, facts.today);
  if (days < minimumDelinquencyDays)
    return {
      action: 'DO_NOT_REPORT',
      reason: `delinquent ${days} days; medical debt is reported after ${minimumDelinquencyDays}`,
    };
  return { action: 'REPORT', reason: `delinquent ${days} days, ${formatCents(facts.balanceCents)}, debtor contacted` };
}
