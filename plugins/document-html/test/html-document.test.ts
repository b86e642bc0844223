import { validationNoticeLetter } from '@revcycle/core';
import type { ValidationNoticeFacts } from '@revcycle/core';
import { describe, expect, it } from 'vitest';
import { htmlDocumentRenderer } from '../src/index.ts';

const FACTS: ValidationNoticeFacts = {
  collector: {
    name: 'Acme <Recovery>',
    addressLines: ['500 Congress Ave', 'Austin, TX 78701'],
    phone: '(512) 555-0199',
    electronicDisputes: null,
  },
  creditor: 'Riverbend Family Medicine',
  consumer: { name: 'Maria Lopez', addressLines: ['12 Elm St', 'Round Rock, TX 78664'] },
  accountNumber: 'ACC-1',
  reference: 'PL-1',
  sentOn: '2026-09-14',
  itemizationDate: '2026-09-01',
  itemizationBalanceCents: 22_000,
  interestCents: 0,
  feesCents: 0,
  paymentsAndCreditsCents: 2_000,
  amountDueCents: 20_000,
  validationPeriodEnd: '2026-10-21',
};

/** The page's text as a reader gets it: tags out, entities back, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the HTML letter renderer', () => {
  it('writes the validation notice for electronic delivery: every field, the form as check boxes, text escaped', async () => {
    const file = await htmlDocumentRenderer().render(validationNoticeLetter(FACTS, 'ENGLISH'));
    expect(file.contentType).toBe('text/html; charset=utf-8');
    const html = new TextDecoder().decode(file.bytes);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Acme &lt;Recovery&gt;');
    expect(html).not.toContain('<Recovery>');
    expect(html.match(/type="checkbox"/g)).toHaveLength(6);
    const text = textOf(html);
    for (const expected of [
      'Acme <Recovery> is a debt collector.',
      'As of September 1, 2026, you owed: $220.00',
      'You paid or were credited this amount toward the debt: – $20.00',
      'Total amount of the debt now: $200.00',
      'Call or write to us by October 21, 2026, to dispute all or part of the debt.',
      'www.cfpb.gov/debt-collection',
      'How do you want to respond?',
      'Mail this form to: Acme <Recovery> 500 Congress Ave Austin, TX 78701',
    ])
      expect(text).toContain(expected);
  });

  it('takes the page language from the letter: a Spanish notice is lang="es"', async () => {
    const file = await htmlDocumentRenderer().render(validationNoticeLetter(FACTS, 'SPANISH'));
    const html = new TextDecoder().decode(file.bytes);
    expect(html).toContain('<html lang="es">');
    expect(textOf(html)).toContain('Llámenos o escríbanos antes del 21 de octubre de 2026');
  });
});
