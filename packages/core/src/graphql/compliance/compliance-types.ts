import { ATTEMPT_CHANNELS } from '../../compliance/can-contact.ts';
import type { ContactDecision } from '../../compliance/can-contact.ts';
import { builder } from '../builder.ts';
import { RULE_IDS } from '../../compliance/rules.ts';
import type { ComplianceRule } from '../../compliance/rules.ts';

export const ChannelEnum = builder.enumType('ContactAttemptChannel', {
  values: ATTEMPT_CHANNELS,
  description: 'PHONE is the home or mobile number; WORK_PHONE the work number.',
});

export const RuleIdEnum = builder.enumType('ComplianceRuleId', { values: RULE_IDS });

const LocalTimeRef = builder
  .objectRef<{ timeZone: string; localTime: string }>('DebtorLocalTime')
  .implement({ fields: (t) => ({ timeZone: t.exposeString('timeZone'), localTime: t.exposeString('localTime') }) });

export const ContactDecisionRef = builder.objectRef<ContactDecision>('ContactDecision').implement({
  description: 'Whether a contact is allowed now, and the rule that decided.',
  fields: (t) => ({
    allowed: t.exposeBoolean('allowed'),
    rule: t.exposeString('rule', { description: 'The refusing rule’s id, or ALL_RULES_PASSED.' }),
    citation: t.exposeString('citation', { nullable: true }),
    reason: t.exposeString('reason'),
    localTimes: t.field({
      type: [LocalTimeRef],
      description: 'The debtor’s local time in every zone the address and number plausibly put them in.',
      resolve: (d) => d.localTimes,
    }),
    warnings: t.exposeStringList('warnings'),
  }),
});

export const RuleRef = builder.objectRef<ComplianceRule>('ComplianceRule').implement({
  description: 'A contact or reporting rule, with its parameters and the law it comes from.',
  fields: (t) => ({
    id: t.field({ type: RuleIdEnum, resolve: (r) => r.id }),
    description: t.exposeString('description'),
    citation: t.exposeString('citation'),
    params: t.field({ type: 'JSON', resolve: (r) => r.params }),
    source: t.exposeString('source', { description: 'FEDERAL, or the practice’s citation for a stricter value.' }),
  }),
});
