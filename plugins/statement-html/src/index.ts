import { ConfigError, defineStatementRenderer } from '@revcycle/core';
import type { StatementDocument, StatementRenderer } from '@revcycle/core';

export interface HtmlStatementOptions {
  /** @default 'html' */
  id?: string;
  instanceId?: string;
  /** Where the "Pay now" link goes; `{account}` is replaced by the account number. */
  payUrl?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (cents: number) =>
  `${cents < 0 ? '−' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const date = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/**
 * A statement as one self-contained, accessible HTML page (inline styles, semantic tables with scoped headers and
 * captions, a language, no script): for patient portals and email bodies.
 */
export function htmlStatementRenderer(options: HtmlStatementOptions = {}): StatementRenderer {
  if (options.payUrl !== undefined && !/^https:\/\//.test(options.payUrl))
    throw new ConfigError('statements[html].payUrl', 'must be an https URL');
  const spec: Omit<StatementRenderer, 'kind'> = {
    id: options.id ?? 'html',
    instanceId: options.instanceId,
    displayName: 'HTML statements',
    contentType: 'text/html; charset=utf-8',
    async render(s: StatementDocument) {
      const html = page(s, options.payUrl?.replace('{account}', encodeURIComponent(s.accountNumber)));
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `statement-${s.accountNumber}-${s.statementDate}.html`,
        bytes: new TextEncoder().encode(html),
      };
    },
  };
  return defineStatementRenderer(spec);
}

function page(s: StatementDocument, payUrl: string | undefined): string {
  const address = (lines: string[]) => lines.map(escape).join('<br>');
  const visits = s.visits
    .map(
      (v) => `
      <tr>
        <th scope="row">${escapeHtml(date(v.serviceDate))}<br><small>${escapeHtml(v.patientName)} · ${escapeHtml(v.provider)} · ref ${escapeHtml(v.reference)}<br>${v.lines.map((l) => escapeHtml(l.description)).join('; ')}${v.payers.length ? ` · insurance: ${v.payers.map(escape).join(', ')}` : ''}</small></th>
        <td>${money(v.chargesCents)}</td><td>${money(v.insurancePaidCents)}</td><td>${money(v.adjustmentsCents)}</td>
        <td>${money(v.insurancePendingCents)}</td><td>${money(v.patientPaidCents)}</td><td><strong>${money(v.balanceCents)}</strong></td>
      </tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Statement ${escapeHtml(s.accountNumber)} — ${escapeHtml(s.practice.name)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;color:#1b1f23;max-width:760px;margin:24px auto;padding:0 16px}table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #d0d7de;text-align:right}th[scope=row],thead th:first-child{text-align:left}caption{text-align:left;font-weight:600;margin:16px 0 4px}.due{font-size:20px}</style></head>
<body>
<header>
  <h1>${escapeHtml(s.practice.name)}</h1>
  <p>${address(s.practice.addressLines)}${s.practice.phone ? `<br>${escapeHtml(s.practice.phone)}` : ''}</p>
</header>
<main>
  <h2>Statement for ${escapeHtml(s.guarantor.name)}</h2>
  <p>${address(s.guarantor.addressLines)}</p>
  <dl>
    <dt>Account</dt><dd>${escapeHtml(s.accountNumber)}</dd>
    <dt>Statement date</dt><dd>${escapeHtml(date(s.statementDate))}</dd>
    <dt>Due by</dt><dd>${escapeHtml(date(s.dueDate))}</dd>
    <dt>Previous balance</dt><dd>${money(s.priorBalanceCents)}</dd>
    <dt>New charges</dt><dd>${money(s.newChargesCents)}</dd>
    <dt>Payments since</dt><dd>${money(s.paymentsSinceCents)}</dd>
    <dt>Adjustments since</dt><dd>${money(s.adjustmentsSinceCents)}</dd>
  </dl>
  <p class="due">Amount due: <strong>${money(s.amountDueCents)}</strong></p>
  ${payUrl ? `<p><a href="${escapeHtml(payUrl)}">Pay now</a></p>` : ''}
  <table>
    <caption>Visits</caption>
    <thead><tr><th scope="col">Visit</th><th scope="col">Charges</th><th scope="col">Insurance paid</th><th scope="col">Adjustments</th><th scope="col">Insurance pending</th><th scope="col">You paid</th><th scope="col">You owe</th></tr></thead>
    <tbody>${visits}
    </tbody>
  </table>
  <table>
    <caption>Your balance by age</caption>
    <thead><tr><th scope="col">0–30 days</th><th scope="col">31–60 days</th><th scope="col">61–90 days</th><th scope="col">Over 90 days</th></tr></thead>
    <tbody><tr><td>${money(s.aging.days0to30Cents)}</td><td>${money(s.aging.days31to60Cents)}</td><td>${money(s.aging.days61to90Cents)}</td><td>${money(s.aging.over90Cents)}</td></tr></tbody>
  </table>
  ${s.paymentPlan ? `<p>Payment plan: ${escapeHtml(s.paymentPlan.status.toLowerCase())}, ${money(s.paymentPlan.installmentCents)} per installment.</p>` : ''}
  <h3>How to pay</h3>
  <ul>${s.howToPay.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>
  ${s.messages.length ? `<h3>Messages</h3><ul>${s.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : ''}
</main>
<footer><p>Remit to ${escapeHtml(s.remitTo.name)}, ${s.remitTo.addressLines.map(escape).join(', ')}. Statement ${escapeHtml(s.statementId)}.</p></footer>
</body>
</html>
`;
}
