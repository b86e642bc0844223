import type { CodeSystem, Db } from '../db/prisma-client.ts';
import type { FieldChecks } from '../validation/field-checks.ts';
import type { CodeSetStore } from './code-set-store.ts';
import { procedureSystemOf } from './code-set-store.ts';
import { releaseWithoutModifier } from './modifier-in-force.ts';

/**
 * Refuses diagnosis and procedure codes that the code set in force on the date of service does not have (when that
 * set is loaded): a typo like Q99.9X is caught as the visit is coded, not weeks later by the payer. A header code
 * (E11) is let through: the scrubber stops the claim until it is coded to the highest specificity. Modifiers are
 * judged the same way once a HCPCS release with its modifiers is loaded.
 */
export async function checkEncounterCodes(
  codeSets: CodeSetStore,
  tx: Db,
  checks: FieldChecks,
  visit: {
    dateOfService: string;
    institutional: boolean;
    diagnoses: string[];
    procedures: Array<string | null>;
    /** Each line's modifiers, upper case. */
    modifiers: string[][];
  },
): Promise<void> {
  const procedures = visit.procedures.filter((p): p is string => Boolean(p));
  const facts = (
    await codeSets.factsFor(
      [
        {
          claimId: 'encounter',
          dateOfService: visit.dateOfService,
          setting: visit.institutional ? 'OUTPATIENT' : 'PRACTITIONER',
          diagnoses: visit.diagnoses,
          procedures,
          modifiers: visit.modifiers.flat(),
        },
      ],
      tx,
    )
  ).get('encounter')!;
  const unknown = (system: CodeSystem, code: string) => {
    const release = facts.releases[system];
    const row = facts.codes[system]?.get(code);
    const inForce =
      row &&
      (!row.effectiveDate || row.effectiveDate <= visit.dateOfService) &&
      (!row.terminationDate || row.terminationDate >= visit.dateOfService);
    return release && !inForce ? `${system === 'ICD10CM' ? 'ICD-10-CM' : system} ${release.version}` : undefined;
  };
  visit.diagnoses.forEach((code, i) => {
    const set = unknown('ICD10CM', code);
    if (set)
      checks.add(['input', 'diagnoses', i], 'UNKNOWN_CODE', `${code} is not in ${set} on ${visit.dateOfService}`);
  });
  visit.procedures.forEach((code, i) => {
    const set = code ? unknown(procedureSystemOf(code), code) : undefined;
    if (set)
      checks.add(
        ['input', 'serviceLines', i, 'procedureCode'],
        'UNKNOWN_CODE',
        `${code} is not in ${set} on ${visit.dateOfService}`,
      );
  });
  for (const [i, modifiers] of visit.modifiers.entries())
    for (const [j, modifier] of modifiers.entries()) {
      const release = releaseWithoutModifier(facts, modifier, visit.dateOfService);
      if (release)
        checks.add(
          ['input', 'serviceLines', i, 'modifiers', j],
          'UNKNOWN_MODIFIER',
          `${modifier} is neither a CPT modifier nor in HCPCS ${release.version} on ${visit.dateOfService}`,
        );
    }
}
