import type { Db, Patient, Practice } from '../db/prisma-client.ts';
import { addDays, daysBetween, todayIn } from '../util/calendar-date.ts';
import { localClock, plausibleTimeZones } from './debtor-time.ts';
import { contactAddress } from './contact-address.ts';
import { rulesFor } from './rules.ts';
import type { RuleId } from './rules.ts';

export const ATTEMPT_CHANNELS = ['MAIL', 'EMAIL', 'SMS', 'PHONE', 'WORK_PHONE'] as const;
export type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];

export interface ContactDecision {
  allowed: boolean;
  /** The rule that refused, or `ALL_RULES_PASSED`. */
  rule: RuleId | 'ALL_RULES_PASSED';
  citation: string | null;
  reason: string;
  /** The debtor's local time in every plausible zone at the moment asked about. */
  localTimes: Array<{ timeZone: string; localTime: string }>;
  /** Things a collector must know though contact is allowed (time-barred debt, a validation notice due). */
  warnings: string[];
}

export interface ContactSubject {
  practice: Practice;
  /** The account's patients; the first is the guarantor-facing one contacts go to. */
  patients: Patient[];
}

const CALLS: readonly AttemptChannel[] = ['PHONE', 'WORK_PHONE'];
const TIMED: readonly AttemptChannel[] = ['PHONE', 'WORK_PHONE', 'SMS', 'EMAIL'];

function numberFor(patient: Patient, channel: AttemptChannel): string | null {
  if (channel === 'WORK_PHONE') return patient.workPhone;
  if (channel === 'SMS') return patient.mobilePhone;
  if (channel === 'PHONE') return patient.mobilePhone ?? patient.homePhone;
  return null;
}

/** Why the consent a text or an autodialed call needs is missing for a number; null when it is on record. */
async function missingConsent(
  db: Db,
  patientId: string,
  channel: 'TEXTS' | 'CALLS',
  number: string,
  timeZone: string,
): Promise<string | null> {
  const address = contactAddress('PHONE', number);
  const consents = await db.contactConsent.findMany({ where: { patientId, channel, address } });
  if (consents.some((c) => !c.revokedAt)) return null;
  const what = channel === 'TEXTS' ? 'text messages' : 'autodialed or prerecorded calls';
  const revoked = consents.filter((c) => c.revokedAt).sort((a, b) => +b.revokedAt! - +a.revokedAt!)[0];
  return revoked
    ? `consent to ${what} to ${number} was revoked on ${todayIn(timeZone, revoked.revokedAt!)} (${revoked.revokedBy})`
    : `no consent to ${what} to ${number} is on record`;
}

/**
 * May the account's debtor be contacted on this channel at this moment? Rules are checked in a fixed order and the
 * first that refuses decides; every answer names its rule and citation. Calls and texts must be convenient in
 * every zone the address and the number plausibly put the debtor in; call counts use the debtor's calendar days.
 */
export async function canContact(
  db: Db,
  subject: ContactSubject,
  channel: AttemptChannel,
  at: Date,
  /** An autodialed or prerecorded call needs the consent a text does; a call a person dials does not. */
  options: { autodialed?: boolean } = {},
): Promise<ContactDecision> {
  const rules = rulesFor(subject.practice);
  const patient = subject.patients[0]!;
  const patientIds = subject.patients.map((p) => p.id);
  const zones = plausibleTimeZones(patient, numberFor(patient, channel));
  const localTimes = zones.map((timeZone) => ({ timeZone, localTime: localClock(at, timeZone).time }));
  const refuse = (rule: RuleId, reason: string): ContactDecision => ({
    allowed: false,
    rule,
    citation: rules.get(rule)!.citation,
    reason,
    localTimes,
    warnings: [],
  });

  if (patient.ceaseCommunicationAt && patient.ceaseCommunicationAt <= at)
    return refuse(
      'CEASE_COMMUNICATION',
      `the debtor asked in writing on ${todayIn(subject.practice.timeZone, patient.ceaseCommunicationAt)} that communication stop`,
    );
  const optedOut = {
    EMAIL: patient.emailOptOut,
    SMS: patient.smsOptOut,
    PHONE: patient.phoneOptOut,
    WORK_PHONE: patient.phoneOptOut,
    MAIL: false,
  }[channel];
  if (optedOut)
    return refuse(
      'CHANNEL_OPT_OUT',
      `the debtor opted out of ${channel === 'SMS' ? 'text messages' : channel === 'EMAIL' ? 'e-mail' : 'calls'}`,
    );
  const consentChannel = channel === 'SMS' ? 'TEXTS' : CALLS.includes(channel) && options.autodialed ? 'CALLS' : null;
  if (consentChannel) {
    const number = numberFor(patient, channel);
    const missing = number
      ? await missingConsent(db, patient.id, consentChannel, number, subject.practice.timeZone)
      : 'there is no number to reach the debtor on';
    if (missing) return refuse('CONSENT_REQUIRED', missing);
  }
  if (channel === 'WORK_PHONE' && patient.noContactAtWork)
    return refuse('PLACE_OF_EMPLOYMENT', 'the debtor said not to be contacted at work');

  const dispute = await db.accountFlag.findFirst({
    where: { patientId: { in: patientIds }, kind: 'DISPUTE', clearedAt: null },
  });
  if (dispute)
    return refuse(
      'DISPUTE_PAUSE',
      `the debt was disputed on ${todayIn(subject.practice.timeZone, dispute.setAt)}; collection waits until verification is sent`,
    );

  if (TIMED.includes(channel)) {
    const { earliestHour, latestHour } = rules.get('INCONVENIENT_TIME')!.params as {
      earliestHour: number;
      latestHour: number;
    };
    const outside = localTimes.filter((l) => {
      const { seconds } = localClock(at, l.timeZone);
      return seconds < earliestHour * 3600 || seconds > latestHour * 3600;
    });
    if (outside.length)
      return refuse(
        'INCONVENIENT_TIME',
        `it is ${outside.map((l) => `${l.localTime.slice(0, 5)} in ${l.timeZone}`).join(' and ')}: outside ${earliestHour}:00–${latestHour}:00`,
      );
  }

  if (CALLS.includes(channel)) {
    // The debtor's calendar days, in the address's zone (the first plausible one).
    const home = zones[0]!;
    const today = localClock(at, home).date;
    const { quietDays } = rules.get('CALL_AFTER_CONVERSATION')!.params as { quietDays: number };
    const { maxAttempts, windowDays } = rules.get('CALL_FREQUENCY')!.params as {
      maxAttempts: number;
      windowDays: number;
    };
    const since = new Date(at.getTime() - (Math.max(quietDays, windowDays) + 2) * 86_400_000);
    const calls = await db.communication.findMany({
      where: {
        patientId: { in: patientIds },
        channel: 'PHONE',
        direction: 'OUTBOUND',
        allowed: true,
        purpose: { in: ['CALL_ATTEMPT', 'CONVERSATION'] },
        occurredAt: { gte: since, lte: at },
      },
      orderBy: { occurredAt: 'desc' },
    });
    const conversation = calls.find(
      (c) => c.purpose === 'CONVERSATION' && daysBetween(localClock(c.occurredAt, home).date, today) < quietDays,
    );
    if (conversation) {
      const day = localClock(conversation.occurredAt, home).date;
      return refuse(
        'CALL_AFTER_CONVERSATION',
        `a telephone conversation took place on ${day}; no calls until ${addDays(day, quietDays)}`,
      );
    }
    const windowStart = addDays(today, -(windowDays - 1));
    const inWindow = calls.filter((c) => localClock(c.occurredAt, home).date >= windowStart);
    if (inWindow.length >= maxAttempts)
      return refuse(
        'CALL_FREQUENCY',
        `${inWindow.length} call attempts from ${windowStart} to ${today}: the limit is ${maxAttempts} in ${windowDays} days`,
      );
  }

  const warnings: string[] = [];
  const { limitationYears } = rules.get('TIME_BARRED_DEBT')!.params as { limitationYears: number };
  const oldest = await db.ledgerEntry.findFirst({
    where: { patientId: { in: patientIds }, account: 'PATIENT', kind: { not: 'PATIENT_PAYMENT' } },
    orderBy: { agingDate: 'asc' },
    select: { agingDate: true },
  });
  const localToday = localClock(at, zones[0]!).date;
  if (oldest && daysBetween(oldest.agingDate, localToday) > limitationYears * 365)
    warnings.push(
      `time-barred: the oldest charge (${oldest.agingDate}) is past the ${limitationYears}-year limitation period; do not sue or threaten suit (${rules.get('TIME_BARRED_DEBT')!.citation})`,
    );
  const unnotified = await db.collectionPlacement.findFirst({
    where: { patientId: { in: patientIds }, status: 'PLACED', validationNoticeSentAt: null },
  });
  if (unnotified)
    warnings.push(
      `a validation notice is due within 5 days of the first communication (${rules.get('DISPUTE_PAUSE')!.citation})`,
    );
  return {
    allowed: true,
    rule: 'ALL_RULES_PASSED',
    citation: null,
    reason: 'every rule allows it',
    localTimes,
    warnings,
  };
}
