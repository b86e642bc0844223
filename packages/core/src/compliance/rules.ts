import type { Practice } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';

/**
 * The contact and reporting rules, as data: what each one limits, its parameters and the law it comes from.
 * Federal rules apply everywhere; a practice adds a state's stricter parameters (e.g. Massachusetts allows two
 * calls in seven days, 940 CMR 7.04(1)(f)) with `setComplianceRules`, which may tighten and never loosen.
 */
export interface ComplianceRule {
  id: RuleId;
  description: string;
  citation: string;
  params: Record<string, number>;
  /** FEDERAL, or the practice's own text (e.g. "MA 940 CMR 7.04(1)(f)") when it tightened the rule. */
  source: string;
}

export const RULE_IDS = [
  'CEASE_COMMUNICATION',
  'CHANNEL_OPT_OUT',
  'CONSENT_REQUIRED',
  'PLACE_OF_EMPLOYMENT',
  'INCONVENIENT_TIME',
  'CALL_FREQUENCY',
  'CALL_AFTER_CONVERSATION',
  'DISPUTE_PAUSE',
  'TIME_BARRED_DEBT',
  'CREDIT_REPORTING',
  'NONPROFIT_501R',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const FEDERAL_RULES: readonly ComplianceRule[] = [
  {
    id: 'CEASE_COMMUNICATION',
    description: 'A written request to stop communicating is honoured at once.',
    citation: '15 U.S.C. 1692c(c); 12 CFR 1006.6(c)',
    params: {},
    source: 'FEDERAL',
  },
  {
    id: 'CHANNEL_OPT_OUT',
    description: 'A request not to be contacted by e-mail, text or phone is honoured at once.',
    citation: '12 CFR 1006.6(d)(3), 1006.6(e), 1006.14(h)',
    params: {},
    source: 'FEDERAL',
  },
  {
    id: 'CONSENT_REQUIRED',
    description:
      'No text message, and no autodialed or prerecorded call, to a number without the consent on record for it.',
    citation: '47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)(iii), (a)(10)',
    params: {},
    source: 'FEDERAL',
  },
  {
    id: 'PLACE_OF_EMPLOYMENT',
    description: 'No contact at the place of employment when told it is not allowed.',
    citation: '15 U.S.C. 1692c(a)(3); 12 CFR 1006.6(b)(3)',
    params: {},
    source: 'FEDERAL',
  },
  {
    id: 'INCONVENIENT_TIME',
    description:
      'No calls, texts or e-mails before 8 a.m. or after 9 p.m. in any time zone the debtor plausibly is in.',
    citation: '15 U.S.C. 1692c(a)(1); 12 CFR 1006.6(b)(1)(i)',
    params: { earliestHour: 8, latestHour: 21 },
    source: 'FEDERAL',
  },
  {
    id: 'CALL_FREQUENCY',
    description: 'No more than 7 call attempts about a debt within 7 consecutive days.',
    citation: '12 CFR 1006.14(b)(2)(i)(A)',
    params: { maxAttempts: 7, windowDays: 7 },
    source: 'FEDERAL',
  },
  {
    id: 'CALL_AFTER_CONVERSATION',
    description:
      'No call within 7 consecutive days after a telephone conversation about the debt (the day of the conversation is the first).',
    citation: '12 CFR 1006.14(b)(2)(i)(B)',
    params: { quietDays: 7 },
    source: 'FEDERAL',
  },
  {
    id: 'DISPUTE_PAUSE',
    description: 'A dispute within the validation period pauses collection until verification is sent.',
    citation: '15 U.S.C. 1692g(b); 12 CFR 1006.34',
    // 30 days after receipt, receipt assumed 5 business days after sending (12 CFR 1006.34(b)(5)).
    params: { validationPeriodDays: 30, assumedReceiptBusinessDays: 5 },
    source: 'FEDERAL',
  },
  {
    id: 'TIME_BARRED_DEBT',
    description: 'A debt past the statute of limitations is flagged: no suit and no threat of suit.',
    citation: '12 CFR 1006.26(b)',
    params: { limitationYears: 6 },
    source: 'FEDERAL',
  },
  {
    id: 'CREDIT_REPORTING',
    description:
      'No reporting before the debtor was contacted, nor medical debt under $500 or delinquent under a year; paid medical debt is removed.',
    citation: '12 CFR 1006.30(a); CFPB and nationwide CRA medical-debt reporting policy (2022-2023)',
    params: { minimumCents: 50_000, minimumDelinquencyDays: 365 },
    source: 'FEDERAL',
  },
  {
    id: 'NONPROFIT_501R',
    description:
      'Nonprofit hospitals take no extraordinary collection action before 120 days after the first statement, with 30 days\u2019 written notice.',
    citation: '26 CFR 1.501(r)-6(b), (c)',
    params: { waitDays: 120, noticeDays: 30 },
    source: 'FEDERAL',
  },
];

/** For each parameter, which way is stricter: a practice may only move it that way. */
const STRICTER: Record<string, 'lower' | 'higher'> = {
  earliestHour: 'higher',
  latestHour: 'lower',
  maxAttempts: 'lower',
  windowDays: 'higher',
  quietDays: 'higher',
  validationPeriodDays: 'higher',
  assumedReceiptBusinessDays: 'higher',
  limitationYears: 'lower',
  minimumCents: 'higher',
  minimumDelinquencyDays: 'higher',
  waitDays: 'higher',
  noticeDays: 'higher',
};

export interface RuleOverride {
  id: RuleId;
  params: Record<string, number>;
  /** The law the stricter value comes from, e.g. "MA 940 CMR 7.04(1)(f)". */
  citation: string;
}

/** The rules in force for a practice: the federal ones with the practice's stricter parameters. */
export function rulesFor(practice: Pick<Practice, 'complianceRules'>): Map<RuleId, ComplianceRule> {
  const overrides = (practice.complianceRules as RuleOverride[] | null) ?? [];
  return new Map(
    FEDERAL_RULES.map((rule) => {
      const override = overrides.find((o) => o.id === rule.id);
      return [
        rule.id,
        override
          ? {
              ...rule,
              params: { ...rule.params, ...override.params },
              citation: `${override.citation}; ${rule.citation}`,
              source: override.citation,
            }
          : rule,
      ];
    }),
  );
}

/** Checks that overrides name real rules and parameters and only tighten them. */
export function validateOverrides(overrides: RuleOverride[]): void {
  const errors = overrides.flatMap((o, i) => {
    const rule = FEDERAL_RULES.find((r) => r.id === o.id);
    if (!rule)
      return [{ path: ['input', 'rules', i, 'id'], code: 'UNKNOWN_RULE', message: `rules.${i}.id: no rule ${o.id}` }];
    if (!o.citation.trim())
      return [
        {
          path: ['input', 'rules', i, 'citation'],
          code: 'REQUIRED',
          message: `rules.${i}.citation: cite the law the stricter value comes from`,
        },
      ];
    return Object.entries(o.params).flatMap(([name, value]) => {
      const federal = rule.params[name];
      if (federal === undefined)
        return [
          {
            path: ['input', 'rules', i, 'params', name],
            code: 'UNKNOWN_PARAM',
            message: `rules.${i}.params.${name}: ${o.id} has ${Object.keys(rule.params).join(', ') || 'no parameters'}`,
          },
        ];
      const looser = STRICTER[name] === 'lower' ? value > federal : value < federal;
      if (!Number.isFinite(value) || looser)
        return [
          {
            path: ['input', 'rules', i, 'params', name],
            code: 'LOOSER_THAN_FEDERAL',
            message: `rules.${i}.params.${name}: ${value} would loosen the federal ${federal}`,
          },
        ];
      return [];
    });
  });
  if (errors.length) throw new ValidationError(errors);
}
