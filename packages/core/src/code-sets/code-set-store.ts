import type {
  CodeSetRelease,
  CodeSystem,
  Db,
  DiagnosisEdit,
  MedicalCode,
  ProcedurePairEdit,
  UnitLimit,
} from '../db/prisma-client.ts';
import { chunks } from '../util/chunks.ts';
import { CPT_MODIFIERS } from './cpt-modifiers.ts';
import { importCodeSet } from './import-code-set.ts';
import type { ImportCodeSetInput, ImportCodeSetResult } from './import-code-set.ts';
import { searchCodes } from './search-codes.ts';
import type { CodeSearch } from './search-codes.ts';
import type { CodeSetProvider } from './code-set-provider.ts';

/** What a claim's codes are judged by: the releases in force on its date of service and their rows for its codes. */
export interface ClaimCodeFacts {
  /** Each system's release in force on the date of service; absent when none is loaded. */
  releases: Partial<Record<CodeSystem, CodeSetRelease>>;
  /** The claim's diagnosis and procedure codes (and letter modifiers, under HCPCS) found in those releases. */
  codes: Partial<Record<CodeSystem, Map<string, MedicalCode>>>;
  /** NCCI edits between two of the claim's procedure codes (either order) in the release in force. */
  pairEdits: ProcedurePairEdit[];
  unitLimits: Map<string, UnitLimit>;
  /** Add-on code edits whose add-on (column 2) is one of the claim's codes, with every primary listed for it. */
  addOnEdits: ProcedurePairEdit[];
  /** Medicare Code Editor sex and age edits on the claim's diagnoses. */
  diagnosisEdits: DiagnosisEdit[];
}

/** One claim's question: its date of service, setting and codes. */
export interface ClaimCodes {
  claimId: string;
  dateOfService: string;
  /** Practitioner edits for 837P claims, outpatient hospital edits for 837I. */
  setting: 'PRACTITIONER' | 'OUTPATIENT';
  diagnoses: string[];
  procedures: string[];
  /** The lines' modifiers: the letter ones are looked up in the HCPCS release (CPT's numbers ship with the product). */
  modifiers?: string[];
}

/** Reads the installation's code sets (reference data shared by every tenant, read with the unscoped client). */
export interface CodeSetStore {
  /**
   * Reads with `reader` — the caller's transaction (a tenant's client reads code sets) — so a scrub inside a
   * transaction needs no second connection: twenty concurrent ones would otherwise wait on a full pool.
   */
  factsFor(claims: ClaimCodes[], reader?: Db): Promise<Map<string, ClaimCodeFacts>>;
  import(input: ImportCodeSetInput): Promise<ImportCodeSetResult>;
  /** Imports every release a provider offers (each idempotent), in its order. */
  importFrom(provider: CodeSetProvider): Promise<ImportCodeSetResult[]>;
  search(query: CodeSearch): Promise<{ version: string | null; codes: MedicalCode[] }>;
}

/** CPT: five digits, or four and F/T; HCPCS Level II: a letter and four digits. */
export const procedureSystemOf = (code: string): CodeSystem => (/^[A-Z]\d{4}$/.test(code) ? 'HCPCS' : 'CPT');

export function createCodeSetStore(root: Db, provider: 'sqlite' | 'postgresql'): CodeSetStore {
  return {
    import: (input) => importCodeSet(root, input),
    async importFrom(provider) {
      const results: ImportCodeSetResult[] = [];
      for (const release of await provider.releases())
        results.push(await importCodeSet(root, { ...release, importedBy: `provider:${provider.id}` }));
      return results;
    },
    search: (query) => searchCodes(root, provider, query),
    async factsFor(claims, reader = root) {
      // A handful of releases per system: read them all, newest first, and pick by date of service in memory.
      const releases = await reader.codeSetRelease.findMany({
        where: { status: 'READY' },
        orderBy: { effectiveDate: 'desc' },
      });
      const inForce = (system: CodeSystem, date: string) =>
        releases.find((r) => r.system === system && r.effectiveDate <= date);
      const asked = claims.map((c) => {
        const ptp: CodeSystem = c.setting === 'PRACTITIONER' ? 'NCCI_PTP_PRACTITIONER' : 'NCCI_PTP_OUTPATIENT';
        const mue: CodeSystem = c.setting === 'PRACTITIONER' ? 'MUE_PRACTITIONER' : 'MUE_OUTPATIENT';
        const systems: CodeSystem[] = ['ICD10CM', 'HCPCS', 'CPT', ptp, mue, 'MCE', 'ADD_ON'];
        const found: ClaimCodeFacts['releases'] = {};
        for (const s of systems) {
          const release = inForce(s, c.dateOfService);
          if (release) found[s] = release;
        }
        return { claim: c, releases: found, ptp, mue };
      });

      // The rows each release is asked for, gathered over all claims so each release is read in a few queries.
      const wanted = new Map<string, Set<string>>();
      const want = (release: CodeSetRelease | undefined, codes: string[]) => {
        if (!release) return;
        const set = wanted.get(release.id) ?? new Set<string>();
        for (const code of codes) set.add(code);
        wanted.set(release.id, set);
      };
      for (const a of asked) {
        want(a.releases.ICD10CM, a.claim.diagnoses);
        for (const system of ['HCPCS', 'CPT'] as const)
          want(
            a.releases[system],
            a.claim.procedures.filter((p) => procedureSystemOf(p) === system),
          );
        want(
          a.releases.HCPCS,
          (a.claim.modifiers ?? []).filter((m) => !CPT_MODIFIERS.has(m)),
        );
        want(a.releases[a.ptp], a.claim.procedures);
        want(a.releases[a.mue], a.claim.procedures);
        want(a.releases.MCE, a.claim.diagnoses);
        want(a.releases.ADD_ON, a.claim.procedures);
      }
      const rows = await readRows(reader, releases, wanted);

      const facts = new Map<string, ClaimCodeFacts>();
      for (const a of asked) {
        const codes: ClaimCodeFacts['codes'] = {};
        for (const system of ['ICD10CM', 'HCPCS', 'CPT'] as const) {
          const release = a.releases[system];
          if (release) codes[system] = rows.codes.get(release.id) ?? new Map();
        }
        const procedures = new Set(a.claim.procedures);
        const ptpRelease = a.releases[a.ptp];
        const pairEdits = ptpRelease
          ? (rows.pairEdits.get(ptpRelease.id) ?? []).filter(
              (e) => procedures.has(e.column1) && procedures.has(e.column2),
            )
          : [];
        const mueRelease = a.releases[a.mue];
        facts.set(a.claim.claimId, {
          releases: a.releases,
          codes,
          pairEdits,
          unitLimits: mueRelease ? (rows.unitLimits.get(mueRelease.id) ?? new Map()) : new Map(),
          addOnEdits: a.releases.ADD_ON
            ? (rows.addOnEdits.get(a.releases.ADD_ON.id) ?? []).filter((e) => procedures.has(e.column2))
            : [],
          diagnosisEdits: a.releases.MCE
            ? (rows.diagnosisEdits.get(a.releases.MCE.id) ?? []).filter((e) => a.claim.diagnoses.includes(e.code))
            : [],
        });
      }
      return facts;
    },
  };
}

async function readRows(root: Db, releases: CodeSetRelease[], wanted: Map<string, Set<string>>) {
  const codes = new Map<string, Map<string, MedicalCode>>();
  const pairEdits = new Map<string, ProcedurePairEdit[]>();
  const unitLimits = new Map<string, Map<string, UnitLimit>>();
  const diagnosisEdits = new Map<string, DiagnosisEdit[]>();
  const addOnEdits = new Map<string, ProcedurePairEdit[]>();
  for (const [releaseId, set] of wanted) {
    const release = releases.find((r) => r.id === releaseId)!;
    const all = [...set];
    if (release.system.startsWith('NCCI_PTP')) {
      // Pairs among the asked codes: both columns from the set, read with the (release, column1, column2) index.
      const found: ProcedurePairEdit[] = [];
      for (const piece of chunks(all, 250))
        found.push(
          ...(await root.procedurePairEdit.findMany({
            where: { releaseId, column1: { in: piece }, column2: { in: all } },
          })),
        );
      pairEdits.set(releaseId, found);
    } else if (release.system === 'ADD_ON') {
      // Every primary of the claim's add-on codes, present on the claim or not: the rule asks for one of them.
      const found: ProcedurePairEdit[] = [];
      for (const piece of chunks(all))
        found.push(...(await root.procedurePairEdit.findMany({ where: { releaseId, column2: { in: piece } } })));
      addOnEdits.set(releaseId, found);
    } else if (release.system === 'MCE') {
      const found: DiagnosisEdit[] = [];
      for (const piece of chunks(all))
        found.push(...(await root.diagnosisEdit.findMany({ where: { releaseId, code: { in: piece } } })));
      diagnosisEdits.set(releaseId, found);
    } else if (release.system.startsWith('MUE')) {
      const found = new Map<string, UnitLimit>();
      for (const piece of chunks(all))
        for (const row of await root.unitLimit.findMany({ where: { releaseId, code: { in: piece } } }))
          found.set(row.code, row);
      unitLimits.set(releaseId, found);
    } else {
      const found = new Map<string, MedicalCode>();
      for (const piece of chunks(all))
        for (const row of await root.medicalCode.findMany({ where: { releaseId, code: { in: piece } } }))
          found.set(row.code, row);
      codes.set(releaseId, found);
    }
  }
  return { codes, pairEdits, unitLimits, diagnosisEdits, addOnEdits };
}
