import type { ScrubContext, ScrubFinding, ScrubRule } from './scrub-rule.ts';

/** Runs the enabled rules; a rule that throws is reported as a finding rather than hiding the others. */
export function runScrub(
  context: ScrubContext,
  rules: readonly ScrubRule[],
  disabled: readonly string[],
): ScrubFinding[] {
  const findings: ScrubFinding[] = [];
  for (const rule of rules) {
    if (disabled.includes(rule.id)) continue;
    try {
      findings.push(...rule.check(context).map((f) => ({ ruleId: rule.id, ...f })));
    } catch (cause) {
      findings.push({
        ruleId: rule.id,
        severity: 'ERROR',
        path: [],
        message: `Rule ${rule.id} could not run: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    }
  }
  return findings;
}
