import { audited } from '../audit/audited.ts';
import { requirePractice } from '../registration/practices.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { rulesFor, validateOverrides } from './rules.ts';
import type { ComplianceRule, RuleId } from './rules.ts';

export interface SetComplianceRulesInput {
  practiceId: string;
  rules: Array<{ id: RuleId; params?: unknown; citation: string }>;
}

/**
 * Adds a state's (or the practice's own) stricter values to the federal rules; values that would loosen a federal
 * rule are refused. Replaces earlier overrides.
 */
export const setComplianceRules = defineOperation({
  name: 'setComplianceRules',
  roles: ['admin'],
  run: (ctx, input: SetComplianceRulesInput): Promise<ComplianceRule[]> =>
    audited(ctx, 'setComplianceRules', async (tx) => {
      const id = input.practiceId;
      const overrides = input.rules.map((r, i) => {
        const params = r.params as Record<string, unknown>;
        if (typeof params !== 'object' || params === null || Object.values(params).some((v) => typeof v !== 'number')) {
          throw new ValidationError([
            {
              path: ['input', 'rules', i, 'params'],
              code: 'INVALID',
              message: `rules.${i}.params: an object of numbers`,
            },
          ]);
        }
        return { id: r.id, params: params as Record<string, number>, citation: r.citation.trim() };
      });
      validateOverrides(overrides);
      await requirePractice(tx, id);
      const practice = await tx.practice.update({ where: { id }, data: { complianceRules: overrides as never } });
      return { result: [...rulesFor(practice).values()], recordIds: [globalId('Practice', id)], practiceId: id };
    }),
});
