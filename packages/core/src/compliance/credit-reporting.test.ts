import { describe, expect, it } from 'vitest';
import { creditReportingDecision } from './credit-reporting.ts';
import { FEDERAL_RULES } from './rules.ts';

const rule = FEDERAL_RULES.find((r) => r.id === 'CREDIT_REPORTING')!;
const base = { balanceCents: 80_000, delinquencyDate: '2025-11-27', contacted: true, paid: false, today: '2026-11-27' };

describe('credit reporting of medical debt', () => {
  it('$499.99 is never reported, $500.00 is', () => {
    expect(creditReportingDecision(rule, { ...base, balanceCents: 49_999 })).toEqual({
      action: 'DO_NOT_REPORT',
      reason: 'medical debt under $500.00 is not reported (balance $499.99)',
    });
    expect(creditReportingDecision(rule, { ...base, balanceCents: 50_000 }).action).toBe('REPORT');
  });
  it('364 days delinquent is too early, 365 is not', () => {
    expect(creditReportingDecision(rule, { ...base, delinquencyDate: '2025-11-28' })).toEqual({
      action: 'DO_NOT_REPORT',
      reason: 'delinquent 364 days; medical debt is reported after 365',
    });
    expect(creditReportingDecision(rule, { ...base, delinquencyDate: '2025-11-27' }).action).toBe('REPORT');
  });
  it('never before the debtor was contacted, and paid debt is deleted', () => {
    expect(creditReportingDecision(rule, { ...base, contacted: false }).action).toBe('DO_NOT_REPORT');
    expect(creditReportingDecision(rule, { ...base, paid: true, contacted: false })).toEqual({
      action: 'DELETE',
      reason: 'paid medical debt is removed',
    });
  });
});
