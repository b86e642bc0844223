import type { StatementDocument, StatementRenderer } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

/** A statement with every part a renderer must show, and enough visits to need more than one printed page. */
export function sampleStatement(visits = 3): StatementDocument {
  return {
    statementId: 'st_contract_1',
    statementDate: '2026-11-27',
    dueDate: '2026-12-27',
    accountNumber: 'A0001234',
    practice: {
      name: 'Riverbend Family Medicine',
      addressLines: ['1200 Barton Springs Rd', 'Austin, TX 78704'],
      phone: '512-555-0100',
      taxId: '741234567',
    },
    remitTo: { name: 'Riverbend Family Medicine', addressLines: ['PO Box 1200', 'Austin, TX 78767'] },
    guarantor: { name: 'Tran Nguyen', addressLines: ['2301 S Lamar Blvd', 'Austin, TX 78704'] },
    visits: Array.from({ length: visits }, (_, i) => ({
      serviceDate: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      patientName: 'Emma Nguyen',
      provider: 'Maria Alvarez, MD',
      reference: `RC${String(i).padStart(8, '0')}`,
      payers: ['Blue Cross Blue Shield of Texas'],
      lines: [{ description: '99213 Office visit, established patient', chargeCents: 13_500 }],
      chargesCents: 13_500,
      insurancePaidCents: 7_040,
      adjustmentsCents: 2_700,
      insurancePendingCents: 0,
      patientPaidCents: 1_000,
      balanceCents: 2_760,
    })),
    priorBalanceCents: 5_000,
    newChargesCents: 2_760 * visits,
    paymentsSinceCents: 1_000,
    adjustmentsSinceCents: 4_000,
    amountDueCents: 2_760 * visits,
    aging: { days0to30Cents: 2_760, days31to60Cents: 2_760 * (visits - 1), days61to90Cents: 0, over90Cents: 0 },
    howToPay: ['Mail a check with the slip below.', 'Call 512-555-0100 to pay by card.'],
    messages: ['Thank you for choosing Riverbend.'],
  };
}

/**
 * What every statement renderer must do: produce a non-empty file of its declared type, named for the account and
 * date, that shows the amount due, the account number and every visit's reference — and render the same
 * statement the same way twice (statements are re-rendered to show what was sent).
 */
export function runStatementRendererContract(
  name: string,
  renderer: () => StatementRenderer,
  readText: (bytes: Uint8Array) => Promise<string>,
): void {
  describe(`statement renderer contract: ${name}`, () => {
    it('has an identity and a content type', () => {
      const r = renderer();
      expect(r.kind).toBe('statement');
      expect(r.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(r.contentType.length).toBeGreaterThan(0);
    });

    it('shows the account, the amount due and every visit', async () => {
      const statement = sampleStatement(40);
      const file = await renderer().render(statement);
      expect(file.contentType.split(';')[0]).toBe(renderer().contentType.split(';')[0]);
      expect(file.fileName).toContain(statement.accountNumber);
      expect(file.bytes.length).toBeGreaterThan(0);
      const text = await readText(file.bytes);
      expect(text).toContain(statement.accountNumber);
      expect(text).toContain('$1,104.00');
      for (const v of statement.visits) expect(text).toContain(v.reference);
    });

    it('renders the same statement the same way twice', async () => {
      const [a, b] = [await renderer().render(sampleStatement()), await renderer().render(sampleStatement())];
      expect(await readText(a.bytes)).toBe(await readText(b.bytes));
    });
  });
}
