import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse835, stream835, X12ParseError } from '../src/index.ts';
import type { Remittance835Event } from '../src/index.ts';
import { era835 } from './era-builder.ts';
import { sample, samplesUnder } from './samples.ts';

const balanced = era835({
  payment: '225.5',
  claims: [
    {
      pcn: 'A0001',
      charge: '300',
      paid: '225.5',
      patientResponsibility: '30',
      services: [
        { svc: 'HC:99214:25*200*150.5**1', cas: ['CO*45*19.5', 'PR*2*30'], ref6r: 'L1', lq: ['N130'] },
        { svc: 'HC:36415*100*75**1', cas: ['CO*45*25'], ref6r: 'L2' },
      ],
    },
  ],
});

describe('parse835', () => {
  it('reads payment, parties, claims, services, adjustments and remarks with money in cents', () => {
    const [era] = parse835(balanced);
    expect(era!.payment).toMatchObject({
      handlingCode: 'I',
      amountCents: 22550,
      method: 'ACH',
      paymentDate: '2024-03-01',
      traceNumber: '12345',
      originatorId: '1512345678',
      productionDate: '2024-02-29',
    });
    expect(era!.payer).toMatchObject({
      name: 'ACME HEALTH PLAN',
      references: { '2U': '60054' },
      address: { lines: ['1 PAYER WAY'], city: 'HARTFORD', state: 'CT', postalCode: '06101' },
    });
    expect(era!.payee).toMatchObject({
      name: 'RIVERBEND FAMILY MEDICINE',
      idQualifier: 'XX',
      id: '1324567894',
      references: { TJ: '741234567' },
    });
    const claim = era!.claims[0]!;
    expect(claim).toMatchObject({
      patientControlNumber: 'A0001',
      statusCode: '1',
      chargeCents: 30000,
      paidCents: 22550,
      patientResponsibilityCents: 3000,
      filingIndicator: '12',
      payerClaimControlNumber: 'ICNA0001',
      frequencyCode: '1',
      serviceDateStart: '2024-01-15',
      patient: {
        entityCode: 'QC',
        lastOrOrganizationName: 'DOE',
        firstName: 'JANE',
        middleName: 'Q',
        idQualifier: 'MI',
        id: 'W123456789',
      },
    });
    expect(claim.services[0]).toMatchObject({
      procedure: { qualifier: 'HC', code: '99214', modifiers: ['25'] },
      chargeCents: 20000,
      paidCents: 15050,
      unitsPaidMilli: 1000,
      serviceDate: '2024-01-15',
      lineControlNumber: 'L1',
      remarkCodes: ['N130'],
      adjustments: [
        { groupCode: 'CO', reasonCode: '45', amountCents: 1950 },
        { groupCode: 'PR', reasonCode: '2', amountCents: 3000 },
      ],
    });
    expect(era!.balance).toEqual([]);
  });

  it('reads all six CAS triplets, with quantities', () => {
    const text = era835({
      payment: '0',
      claims: [{ pcn: 'X', charge: '21', paid: '0', cas: ['CO*1*1*1*2*2**3*3*2.5*4*4**5*5**6*6'] }],
    });
    const adjustments = parse835(text)[0]!.claims[0]!.adjustments;
    expect(adjustments.map((a) => [a.reasonCode, a.amountCents, a.quantityMilli])).toEqual([
      ['1', 100, 1000],
      ['2', 200, undefined],
      ['3', 300, 2500],
      ['4', 400, undefined],
      ['5', 500, undefined],
      ['6', 600, undefined],
    ]);
  });

  it('reads reversals (CLP02 22) and negative amounts exactly', () => {
    const text = era835({
      payment: '-225.5',
      claims: [
        {
          pcn: 'A0001',
          status: '22',
          charge: '-300',
          paid: '-225.5',
          patientResponsibility: '-30',
          cas: ['CO*45*-44.5', 'PR*2*-30'],
        },
      ],
    });
    const claim = parse835(text)[0]!.claims[0]!;
    expect(claim).toMatchObject({
      statusCode: '22',
      chargeCents: -30000,
      paidCents: -22550,
      patientResponsibilityCents: -3000,
    });
    expect(claim.adjustments.map((a) => a.amountCents)).toEqual([-4450, -3000]);
    expect(parse835(text)[0]!.balance).toEqual([]);
  });

  it('reads PLB provider adjustments and balances the payment with them', () => {
    const text = era835({
      payment: '215.5',
      claims: [{ pcn: 'A1', charge: '225.5', paid: '225.5' }],
      plb: ['WO:ICN998*15*L6*-5'],
    });
    const era = parse835(text)[0]!;
    expect(era.providerAdjustments).toEqual([
      {
        providerId: '1324567894',
        fiscalPeriodDate: '2024-12-31',
        reasonCode: 'WO',
        reference: 'ICN998',
        amountCents: 1500,
      },
      {
        providerId: '1324567894',
        fiscalPeriodDate: '2024-12-31',
        reasonCode: 'L6',
        reference: undefined,
        amountCents: -500,
      },
    ]);
    expect(era.balance).toEqual([]);
  });

  it('reports imbalances per claim, per service and per payment as findings with the amounts', () => {
    const text = era835({
      payment: '100',
      claims: [
        { pcn: 'B1', charge: '300', paid: '225.5', services: [{ svc: 'HC:99214*300*225.5', cas: ['CO*45*70'] }] },
      ],
    });
    const findings = parse835(text)[0]!.balance;
    expect(findings.map((f) => [f.level, f.expectedCents, f.actualCents])).toEqual([
      ['claim', 23000, 22550],
      ['service', 23000, 22550],
      ['payment', 22550, 10000],
    ]);
    expect(findings[0]!.message).toBe('Claim B1: charge 30000 − adjustments 7000 = 23000, but paid is 22550');
  });

  it('refuses a malformed amount with its segment and element', () => {
    const text = era835({ payment: '10', claims: [{ pcn: 'C1', charge: '12.345', paid: '10' }] });
    try {
      parse835(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(X12ParseError);
      expect(error).toMatchObject({ code: 'BAD_ELEMENT', segmentId: 'CLP', elementPosition: 3, segmentIndex: 13 });
    }
  });

  it('refuses another transaction type', () => {
    expect(() => parse835(sample('linuxforhealth/837_005010X222A2/demo.example1.837'))).toThrow(
      expect.objectContaining({ code: 'WRONG_TRANSACTION' }),
    );
  });

  it('reads every SVC01 component: qualifier, code, up to four modifiers (empty ones skipped), description; and SVC06 when billed differently', () => {
    const [era] = parse835(
      era835({
        payment: '100',
        claims: [
          {
            pcn: 'A0002',
            charge: '100',
            paid: '100',
            patientResponsibility: '0',
            services: [
              { svc: 'HC:99214:25::59:GT:OFFICE VISIT*60*60**1*HC:99215', cas: [] },
              { svc: 'HC:36415:*40*40**1', cas: [] },
            ],
          },
        ],
      }),
    );
    const [first, second] = era!.claims[0]!.services;
    expect(first!.procedure).toEqual({
      qualifier: 'HC',
      code: '99214',
      modifiers: ['25', '59', 'GT'],
      description: 'OFFICE VISIT',
    });
    expect(first!.submittedProcedure).toEqual({ qualifier: 'HC', code: '99215', modifiers: [] });
    expect(second!.procedure).toEqual({ qualifier: 'HC', code: '36415', modifiers: [] });
    expect(second!.submittedProcedure).toBeUndefined();
  });

  it('reads a composite written with another separator than ISA16 (SVC*HC>12345>26 under ISA16 ":")', () => {
    const era = parse835(sample('linuxforhealth/835_005010X221A1/secondary-payment.835'))[0]!;
    expect(era.claims[1]!.services.map((s) => [s.procedure.code, s.procedure.modifiers])).toEqual([
      ['12345', ['26']],
      ['66543', ['26']],
    ]);
  });

  it.each(samplesUnder('linuxforhealth/835_005010X221A1').concat(samplesUnder('tastypackets')))(
    'parses %s, balanced but for known defects',
    (file) => {
      const eras = parse835(sample(file));
      expect(eras.length).toBeGreaterThan(0);
      for (const era of eras) {
        expect(era.claims.length).toBeGreaterThan(0);
        // tertiary-payment.835 has an SVC with no procedure code; it is reported, not fatal.
        if (file.endsWith('tertiary-payment.835')) expect(era.warnings[0]!.message).toContain('procedure code');
        else expect(era.balance).toEqual([]);
      }
    },
  );

  it('reads an impossible payment date as a warning, keeping the money (managed-care.835 BPR16 20002316)', () => {
    const era = parse835(sample('linuxforhealth/835_005010X221A1/managed-care.835'))[0]!;
    expect(era.payment.paymentDate).toBeUndefined();
    expect(era.payment.amountCents).toBe(94500);
    expect(era.warnings).toEqual([expect.objectContaining({ segmentId: 'BPR', elementPosition: 16 })]);
  });
});

describe('stream835', () => {
  async function collect(chunks: Array<string | Uint8Array>): Promise<Remittance835Event[]> {
    const events: Remittance835Event[] = [];
    for await (const event of stream835(Readable.from(chunks))) events.push(event);
    return events;
  }

  it('yields the same claims as parse835, whatever the chunk boundaries', async () => {
    const text = sample('tastypackets/profee-multiple.edi');
    const expected = parse835(text).flatMap((r) => r.claims);
    for (const size of [1, 7, 105, 106, 107, 4096]) {
      const bytes = Buffer.from(text, 'latin1');
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const claims = (await collect(chunks)).flatMap((e) => (e.kind === 'claim' ? [e.claim] : []));
      expect(claims).toEqual(expected);
    }
  });

  it('announces each payment before its claims and closes it with its findings', async () => {
    const events = await collect([balanced]);
    expect(events.map((e) => e.kind)).toEqual(['payment', 'claim', 'paymentEnd']);
    expect(events[2]!.remittance.balance).toEqual([]);
  });

  it('reads a web ReadableStream', async () => {
    const stream = new Blob([balanced]).stream();
    const kinds: string[] = [];
    for await (const event of stream835(stream)) kinds.push(event.kind);
    expect(kinds).toEqual(['payment', 'claim', 'paymentEnd']);
  });

  /** A source that records whether it was closed (a file handle or a socket would be released there). */
  function trackedSource(chunks: string[]): { source: AsyncIterable<string>; closed: () => boolean } {
    let closed = false;
    const source = {
      [Symbol.asyncIterator]() {
        let i = 0;
        return {
          next: async () =>
            i < chunks.length
              ? { done: false as const, value: chunks[i++]! }
              : { done: true as const, value: undefined },
          return: async () => {
            closed = true;
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    return { source, closed: () => closed };
  }

  it('closes its source when the loop is left early', async () => {
    const { source, closed } = trackedSource([balanced.slice(0, 300), balanced.slice(300)]);
    for await (const event of stream835(source)) if (event.kind === 'payment') break;
    expect(closed()).toBe(true);
  });

  it('serves next() calls made without waiting in order, then ends', async () => {
    const stream = stream835(trackedSource([balanced.slice(0, 5), balanced.slice(5, 700), balanced.slice(700)]).source);
    const results = await Promise.all([stream.next(), stream.next(), stream.next(), stream.next(), stream.next()]);
    expect(results.map((r) => (r.done ? 'done' : r.value.kind))).toEqual([
      'payment',
      'claim',
      'paymentEnd',
      'done',
      'done',
    ]);
  });

  it('hands out nothing more once returned, even from a read that was in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = {
      [Symbol.asyncIterator]() {
        let sent = false;
        return {
          next: async () => {
            await gate;
            if (sent) return { done: true as const, value: undefined };
            sent = true;
            return { done: false as const, value: balanced };
          },
          return: async () => ({ done: true as const, value: undefined }),
        };
      },
    };
    const stream = stream835(source);
    const pending = stream.next();
    await stream.return!();
    release();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('ends after an error: the next call is done, and the source is closed', async () => {
    const text = balanced.replace('CLP*A0001*1*300', 'CLP*A0001*1*3X0');
    const { source, closed } = trackedSource([text]);
    const stream = stream835(source);
    await expect(stream.next()).rejects.toMatchObject({ code: 'BAD_ELEMENT', segmentId: 'CLP', elementPosition: 3 });
    expect(closed()).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('fails a truncated stream with TRUNCATED after the claims it read', async () => {
    const text = balanced.slice(0, balanced.indexOf('SE*'));
    await expect(collect([text])).rejects.toMatchObject({ code: 'TRUNCATED' });
  });
});
