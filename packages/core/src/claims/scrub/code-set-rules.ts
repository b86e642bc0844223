import type { ClaimLine, CodeSetRelease, CodeSystem } from '../../db/prisma-client.ts';
import { procedureSystemOf } from '../../code-sets/code-set-store.ts';
import { releaseWithoutModifier } from '../../code-sets/modifier-in-force.ts';
import { modifiersOf } from '../line-modifiers.ts';
import type { ScrubFinding, ScrubRule } from './scrub-rule.ts';

type Finding = Omit<ScrubFinding, 'ruleId'>;
const error = (path: Array<string | number>, message: string): Finding => ({ severity: 'ERROR', path, message });

const SYSTEM_NAMES: Record<CodeSystem, string> = {
  ICD10CM: 'ICD-10-CM',
  HCPCS: 'HCPCS',
  CPT: 'CPT',
  NCCI_PTP_PRACTITIONER: 'NCCI PTP (practitioner)',
  NCCI_PTP_OUTPATIENT: 'NCCI PTP (outpatient hospital)',
  MUE_PRACTITIONER: 'MUE (practitioner)',
  MUE_OUTPATIENT: 'MUE (outpatient hospital)',
  CUSTOM: 'custom list',
  MCE: 'Medicare Code Editor',
  ADD_ON: 'CMS add-on code edits',
};
const source = (release: CodeSetRelease) => `${SYSTEM_NAMES[release.system]} ${release.version}`;

/** The modifiers NCCI accepts to bypass a PTP edit whose indicator is 1 (anatomic, global surgery, distinct service). */
const PTP_MODIFIERS = new Set([
  ...['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'],
  ...['LC', 'LD', 'LM', 'RC', 'RI', 'LT', 'RT', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'],
  ...['24', '25', '27', '57', '58', '59', '78', '79', '91', 'XE', 'XS', 'XP', 'XU'],
]);

/** Evaluation and management visits a provider bills once a day (office, hospital, ED, nursing facility, home). */
const isEvaluationAndManagement = (code: string | null) =>
  code !== null && /^99(20[2-5]|21[1-5]|2[2-3]\d|28[1-5]|3[0-4]\d|350)$/.test(code);

const dateOf = (l: ClaimLine) => l.serviceDate;

/** The sets a claim needs that are not loaded for its date of service: said once per claim, as a warning. */
const CODE_SET_MISSING: ScrubRule = {
  id: 'CODE_SET_MISSING',
  description: 'Warns when a code set the edits need is not loaded for the date of service (the edits then pass).',
  check: ({ claim, encounter, codeFacts }) => {
    if (!codeFacts) return [];
    const needed = new Set<CodeSystem>(['ICD10CM']);
    for (const l of claim.lines) if (l.procedureCode) needed.add(procedureSystemOf(l.procedureCode));
    const setting = claim.kind === 'INSTITUTIONAL' ? 'OUTPATIENT' : 'PRACTITIONER';
    needed.add(`NCCI_PTP_${setting}`);
    needed.add(`MUE_${setting}`);
    needed.add('MCE');
    needed.add('ADD_ON');
    const missing = [...needed].filter((s) => !codeFacts.releases[s]).map((s) => SYSTEM_NAMES[s]);
    return missing.length === 0
      ? []
      : [
          {
            severity: 'WARNING',
            path: [],
            message: `No ${missing.join(', ')} release is loaded for ${encounter.dateOfService}: those edits were not run`,
          },
        ];
  },
};

/** Diagnoses, procedure codes and modifiers that the release in force on the date of service does not have. */
const CODE_NOT_VALID_ON_DOS: ScrubRule = {
  id: 'CODE_NOT_VALID_ON_DOS',
  description: 'Every diagnosis, procedure code and modifier exists in the code set in force on the date of service.',
  check: ({ claim, encounter, codeFacts }) => {
    if (!codeFacts) return [];
    const findings: Finding[] = [];
    const check = (system: CodeSystem, code: string, on: string, path: Array<string | number>, what: string) => {
      const release = codeFacts.releases[system];
      if (!release) return;
      const row = codeFacts.codes[system]?.get(code);
      const inForce =
        row && (!row.effectiveDate || row.effectiveDate <= on) && (!row.terminationDate || row.terminationDate >= on);
      if (!inForce) findings.push(error(path, `${what} ${code} is not valid on ${on} (${source(release)})`));
    };
    for (const [i, d] of encounter.diagnoses.entries())
      check('ICD10CM', d.code, encounter.dateOfService, ['diagnoses', i], 'Diagnosis');
    claim.lines.forEach((l, i) => {
      if (l.procedureCode)
        check(procedureSystemOf(l.procedureCode), l.procedureCode, dateOf(l), ['lines', i, 'procedureCode'], 'Code');
      modifiersOf(l).forEach((m, j) => {
        const release = releaseWithoutModifier(codeFacts, m, dateOf(l));
        if (release)
          findings.push(
            error(['lines', i, 'modifiers', j], `Modifier ${m} is not valid on ${dateOf(l)} (${source(release)})`),
          );
      });
    });
    return findings;
  },
};

/** ICD-10-CM categories with codes below them: a claim needs the code of the highest specificity. */
const ICD10_NOT_BILLABLE: ScrubRule = {
  id: 'ICD10_NOT_BILLABLE',
  description: 'No ICD-10-CM header (a category with codes below it): code to the highest specificity.',
  check: ({ encounter, codeFacts }) => {
    const release = codeFacts?.releases.ICD10CM;
    if (!release) return [];
    return encounter.diagnoses.flatMap((d, i) => {
      const row = codeFacts!.codes.ICD10CM?.get(d.code);
      return row && !row.billable
        ? [
            error(
              ['diagnoses', i],
              `Diagnosis ${d.code} is a header, not billable: use a code below it (${source(release)})`,
            ),
          ]
        : [];
    });
  },
};

/** NCCI procedure-to-procedure edits between two lines of one day. */
const NCCI_PTP: ScrubRule = {
  id: 'NCCI_PTP',
  description:
    'No NCCI procedure-to-procedure pair on one day: indicator 0 never, indicator 1 only with an NCCI-associated modifier.',
  check: ({ claim, codeFacts }) => {
    const release =
      codeFacts?.releases[claim.kind === 'INSTITUTIONAL' ? 'NCCI_PTP_OUTPATIENT' : 'NCCI_PTP_PRACTITIONER'];
    if (!release) return [];
    const findings: Finding[] = [];
    for (const edit of codeFacts!.pairEdits) {
      claim.lines.forEach((second, j) => {
        if (second.procedureCode !== edit.column2) return;
        const day = dateOf(second);
        const first = claim.lines.find((l) => l.procedureCode === edit.column1 && dateOf(l) === day);
        const inForce = edit.effectiveDate <= day && (!edit.deletionDate || edit.deletionDate > day);
        if (!first || first === second || !inForce || edit.modifierIndicator === '9') return;
        const bypassed = [...modifiersOf(first), ...modifiersOf(second)].some((m) => PTP_MODIFIERS.has(m));
        if (edit.modifierIndicator === '0')
          findings.push(
            error(
              ['lines', j, 'procedureCode'],
              `${edit.column2} is never paid with ${edit.column1} on the same day, whatever the modifier (${source(release)})`,
            ),
          );
        else if (!bypassed)
          findings.push(
            error(
              ['lines', j, 'modifiers'],
              `${edit.column2} is bundled into ${edit.column1} on the same day: a distinct service needs an NCCI modifier (59, XE, XS, XP, XU, …) (${source(release)})`,
            ),
          );
      });
    }
    return findings;
  },
};

/** Medically unlikely edits: units of one code on one day (indicator 1: on each line). */
const MUE_UNITS: ScrubRule = {
  id: 'MUE_UNITS',
  description: 'Units of a code no more than its medically unlikely edit allows (per line or per day).',
  check: ({ claim, codeFacts }) => {
    const release = codeFacts?.releases[claim.kind === 'INSTITUTIONAL' ? 'MUE_OUTPATIENT' : 'MUE_PRACTITIONER'];
    if (!release) return [];
    const findings: Finding[] = [];
    const perDay = new Map<string, number>();
    claim.lines.forEach((l, i) => {
      const limit = l.procedureCode ? codeFacts!.unitLimits.get(l.procedureCode) : undefined;
      if (!limit) return;
      const key = `${l.procedureCode} ${dateOf(l)}`;
      const units = l.unitsMilli / 1000 + (limit.adjudicationIndicator === '1' ? 0 : (perDay.get(key) ?? 0));
      perDay.set(key, units);
      if (units > limit.units)
        findings.push(
          error(
            ['lines', i, 'units'],
            `${l.procedureCode}: ${units} units ${limit.adjudicationIndicator === '1' ? 'on one line' : `on ${dateOf(l)}`}; the MUE allows ${limit.units} (${source(release)})`,
          ),
        );
    });
    return findings;
  },
};

/** Two E/M visits by one provider on one day: the second is paid only as a separate service (modifier 25). */
const EM_SAME_DAY: ScrubRule = {
  id: 'EM_SAME_DAY',
  description: 'At most one E/M visit by the same provider a day unless the others carry modifier 25.',
  check: ({ claim, encounter, otherOpenClaims }) => {
    const findings: Finding[] = [];
    const elsewhere = otherOpenClaims
      .filter((c) => c.encounter.renderingProviderId === encounter.renderingProviderId)
      .flatMap((c) => c.lines)
      .filter((l) => isEvaluationAndManagement(l.procedureCode));
    const seen: ClaimLine[] = [...elsewhere];
    claim.lines.forEach((l, i) => {
      if (!isEvaluationAndManagement(l.procedureCode)) return;
      const sameDay = seen.filter((s) => dateOf(s) === dateOf(l));
      seen.push(l);
      if (sameDay.length > 0 && !modifiersOf(l).includes('25') && sameDay.every((s) => !modifiersOf(s).includes('25')))
        findings.push(
          error(
            ['lines', i, 'modifiers'],
            `${l.procedureCode} is a second E/M visit by the same provider on ${dateOf(l)} (with ${sameDay[0]!.procedureCode}): bill one, or mark the separate one with modifier 25`,
          ),
        );
    });
    return findings;
  },
};

/** The ages (whole years on the date of service) each MCE age list allows, from the MCE definitions manual. */
const AGE_RANGES = {
  NEWBORN: [0, 0],
  PEDIATRIC: [0, 17],
  MATERNITY: [9, 64],
  ADULT: [15, 124],
} as const;

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Medicare Code Editor: a diagnosis for one sex or one age group on a patient outside it. */
const DIAGNOSIS_SEX_AGE: ScrubRule = {
  id: 'DIAGNOSIS_SEX_AGE',
  description: 'No diagnosis the Medicare Code Editor limits to the other sex or to another age group.',
  check: ({ encounter, patient, codeFacts }) => {
    const release = codeFacts?.releases.MCE;
    if (!release) return [];
    const age = ageOn(patient.dateOfBirth, encounter.dateOfService);
    return encounter.diagnoses.flatMap((d, i) =>
      codeFacts!.diagnosisEdits
        .filter((e) => e.code === d.code)
        .flatMap((e) => {
          if (e.edit === 'FEMALE' || e.edit === 'MALE') {
            const conflict = patient.sex !== 'UNKNOWN' && patient.sex !== e.edit;
            return conflict
              ? [
                  error(
                    ['diagnoses', i],
                    `Diagnosis ${d.code} is for ${e.edit.toLowerCase()} patients; the patient is ${patient.sex.toLowerCase()} (${source(release)})`,
                  ),
                ]
              : [];
          }
          const [from, to] = AGE_RANGES[e.edit as keyof typeof AGE_RANGES] ?? [0, 124];
          return age < from || age > to
            ? [
                error(
                  ['diagnoses', i],
                  `Diagnosis ${d.code} is for ages ${from}–${to} (${e.edit.toLowerCase()}); the patient is ${age} (${source(release)})`,
                ),
              ]
            : [];
        }),
    );
  },
};

/**
 * An add-on code without its primary procedure on the same day: type 1 lists every primary (an error without one),
 * type 3 some of them (a warning: the payer may accept another); type 2 lists none and is left to the payer.
 */
const ADD_ON_WITHOUT_PRIMARY: ScrubRule = {
  id: 'ADD_ON_WITHOUT_PRIMARY',
  description: 'An add-on code is billed with one of its primary procedures on the same day.',
  check: ({ claim, codeFacts }) => {
    const release = codeFacts?.releases.ADD_ON;
    if (!release) return [];
    return claim.lines.flatMap((l, i) => {
      const day = dateOf(l);
      const edits = codeFacts!.addOnEdits.filter(
        (e) =>
          e.column2 === l.procedureCode &&
          e.modifierIndicator !== '2' &&
          e.effectiveDate <= day &&
          (!e.deletionDate || e.deletionDate > day),
      );
      if (edits.length === 0) return [];
      const primaries = new Set(edits.map((e) => e.column1));
      const withPrimary = claim.lines.some((p) => p !== l && dateOf(p) === day && primaries.has(p.procedureCode ?? ''));
      if (withPrimary) return [];
      const type1 = edits.some((e) => e.modifierIndicator === '1');
      const listed = [...primaries].slice(0, 5).join(', ');
      return [
        {
          severity: type1 ? ('ERROR' as const) : ('WARNING' as const),
          path: ['lines', i, 'procedureCode'],
          message: `${l.procedureCode} is an add-on code: bill it with its primary procedure on ${day} (${listed}${primaries.size > 5 ? ', …' : ''}) (${source(release)})`,
        },
      ];
    });
  },
};

export const CODE_SET_RULES: ScrubRule[] = [
  CODE_SET_MISSING,
  CODE_NOT_VALID_ON_DOS,
  ICD10_NOT_BILLABLE,
  NCCI_PTP,
  MUE_UNITS,
  EM_SAME_DAY,
  DIAGNOSIS_SEX_AGE,
  ADD_ON_WITHOUT_PRIMARY,
];
