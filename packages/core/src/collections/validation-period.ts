import { addDays } from '../util/calendar-date.ts';
import { federalHolidays, weekdayOf } from './federal-holidays.ts';

export interface ValidationPeriodPolicy {
  /** Days the consumer has after receiving the notice (30, 12 CFR 1006.34(b)(5)); a state may give more. */
  validationPeriodDays: number;
  /** Days after sending the notice is assumed received, not counting weekends and federal holidays (at least 5). */
  assumedReceiptBusinessDays: number;
}

/**
 * The last day of the validation period (12 CFR 1006.34(b)(5)): 30 days after the consumer receives the notice,
 * receipt assumed the fifth day after it is sent, excluding Saturdays, Sundays and the legal public holidays of
 * 5 U.S.C. 6103(a) — the assumption the rule permits, held in the practice's DISPUTE_PAUSE parameters.
 */
export function validationPeriodEnd(sentOn: string, policy: ValidationPeriodPolicy): string {
  let received = sentOn;
  for (let counted = 0; counted < policy.assumedReceiptBusinessDays; ) {
    received = addDays(received, 1);
    const weekday = weekdayOf(received);
    const holidays = federalHolidays(Number(received.slice(0, 4)));
    if (weekday !== 0 && weekday !== 6 && !holidays.has(received)) counted++;
  }
  return addDays(received, policy.validationPeriodDays);
}
