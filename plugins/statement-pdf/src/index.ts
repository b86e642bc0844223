import { ConfigError, defineStatementRenderer } from '@revcycle/core';
import type { StatementDocument, StatementRenderer } from '@revcycle/core';
import PDFDocument from 'pdfkit';

export interface PdfStatementOptions {
  /** @default 'pdf' */
  id?: string;
  instanceId?: string;
  /** The accent color, as #rrggbb. @default '#1f4e79' */
  accentColor?: string;
}

const MARGIN = 54;
/** Height kept at the bottom of the last page for the tear-off remittance slip. */
const SLIP = 170;
const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const longDate = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/**
 * A patient statement on US-letter pages: practice header, account box with the amount due, the visits table
 * (breaking across pages with its header repeated), aging, how to pay and messages, page numbers, and a tear-off
 * remittance slip (dashed cut line, remit-to address, account, amount due, "amount enclosed") at the foot of the
 * last page. Fixed document dates keep re-renders byte-identical.
 */
export function pdfStatementRenderer(options: PdfStatementOptions = {}): StatementRenderer {
  const accent = options.accentColor ?? '#1f4e79';
  if (!/^#[0-9a-f]{6}$/i.test(accent)) throw new ConfigError('statements[pdf].accentColor', 'must be a #rrggbb color');
  const spec: Omit<StatementRenderer, 'kind'> = {
    id: options.id ?? 'pdf',
    instanceId: options.instanceId,
    displayName: 'PDF statements (pdfkit)',
    contentType: 'application/pdf',
    render: (s: StatementDocument) => render(s, accent),
  };
  return defineStatementRenderer(spec);
}

async function render(s: StatementDocument, accent: string) {
  const created = new Date(`${s.statementDate}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Statement ${s.accountNumber} ${s.statementDate}`,
      Author: s.practice.name,
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;

  // Header and account box.
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(accent)
    .text(s.practice.name, MARGIN, MARGIN, { width: width / 2 });
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  for (const line of [...s.practice.addressLines, ...(s.practice.phone ? [s.practice.phone] : [])])
    doc.text(line, { width: width / 2 });
  const boxX = MARGIN + width / 2 + 20;
  doc
    .rect(boxX, MARGIN, width / 2 - 20, 110)
    .lineWidth(1)
    .strokeColor(accent)
    .stroke();
  doc.font('Helvetica').fontSize(9).fillColor('#000000');
  const box = [
    ['Statement date', longDate(s.statementDate)],
    ['Account', s.accountNumber],
    ['Due by', longDate(s.dueDate)],
    ['Previous balance', money(s.priorBalanceCents)],
    ['New charges', money(s.newChargesCents)],
    ['Payments since', money(s.paymentsSinceCents)],
    ['Adjustments since', money(s.adjustmentsSinceCents)],
  ];
  box.forEach(([label, value], i) => {
    doc.text(label!, boxX + 8, MARGIN + 8 + i * 11.5, { width: 110, lineBreak: false });
    doc.text(value!, boxX + 110, MARGIN + 8 + i * 11.5, { width: width / 2 - 140, align: 'right', lineBreak: false });
  });
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text('Amount due', boxX + 8, MARGIN + 92, { lineBreak: false })
    .text(money(s.amountDueCents), boxX + 110, MARGIN + 92, {
      width: width / 2 - 140,
      align: 'right',
      lineBreak: false,
    });

  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor('#000000')
    .text(s.guarantor.name, MARGIN, MARGIN + 124);
  doc.font('Helvetica').fontSize(9);
  for (const line of s.guarantor.addressLines) doc.text(line);

  // Visits.
  const columns = [
    ['Visit', 150],
    ['Charges', 62],
    ['Insurance paid', 66],
    ['Adjustments', 64],
    ['Ins. pending', 62],
    ['You paid', 52],
    ['You owe', 48],
  ] as const;
  const header = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(accent);
    for (const [title, w] of columns) {
      doc.text(title, x, y, { width: w - 4, align: title === 'Visit' ? 'left' : 'right', lineBreak: false });
      x += w;
    }
    doc
      .moveTo(MARGIN, y + 12)
      .lineTo(MARGIN + width, y + 12)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y = y + 16;
    doc.font('Helvetica').fillColor('#000000');
  };
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000000').text('Visits', MARGIN);
  doc.moveDown(0.3);
  header();
  for (const v of s.visits) {
    const rowHeight = 32;
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = MARGIN;
    doc.fontSize(8.5).text(`${v.serviceDate} ${v.patientName}`, x, y, { width: columns[0][1] - 4, lineBreak: false });
    doc
      .fontSize(7)
      .fillColor('#555555')
      .text(`${v.provider} · ref ${v.reference}`, x, y + 10, { width: columns[0][1] - 4, lineBreak: false })
      .text(visitDetail(v), x, y + 19, { width: columns[0][1] - 4, lineBreak: false, ellipsis: true })
      .fillColor('#000000')
      .fontSize(8.5);
    x += columns[0][1];
    const amounts = [
      v.chargesCents,
      v.insurancePaidCents,
      v.adjustmentsCents,
      v.insurancePendingCents,
      v.patientPaidCents,
      v.balanceCents,
    ];
    amounts.forEach((cents, i) => {
      const w = columns[i + 1]![1];
      doc
        .font(i === amounts.length - 1 ? 'Helvetica-Bold' : 'Helvetica')
        .text(money(cents), x, y, { width: w - 4, align: 'right', lineBreak: false });
      x += w;
    });
    doc.font('Helvetica');
    doc.y = y + rowHeight;
  }

  // Aging, how to pay, messages — kept clear of the slip on the last page.
  const tail = 120 + s.howToPay.length * 12 + s.messages.length * 12;
  if (doc.y + tail > bottom() - SLIP) doc.addPage();
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(10).text('Your balance by age', MARGIN);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      `0–30 days ${money(s.aging.days0to30Cents)}   ·   31–60 days ${money(s.aging.days31to60Cents)}   ·   61–90 days ${money(s.aging.days61to90Cents)}   ·   over 90 days ${money(s.aging.over90Cents)}`,
    );
  if (s.paymentPlan)
    doc.text(
      `Payment plan: ${s.paymentPlan.status.toLowerCase()}, ${money(s.paymentPlan.installmentCents)} per installment.`,
    );
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10).text('How to pay').font('Helvetica').fontSize(9);
  for (const h of s.howToPay) doc.text(`• ${h}`, { width });
  if (s.messages.length) {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10).text('Messages').font('Helvetica').fontSize(9);
    for (const m of s.messages) doc.text(`• ${m}`, { width });
  }

  // The tear-off remittance slip.
  const top = doc.page.height - MARGIN - SLIP + 20;
  doc
    .moveTo(MARGIN, top)
    .lineTo(MARGIN + width, top)
    .dash(4, { space: 3 })
    .lineWidth(0.8)
    .strokeColor('#666666')
    .stroke()
    .undash();
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#666666')
    .text('Detach and return this slip with your payment', MARGIN, top + 4, {
      width,
      align: 'center',
      lineBreak: false,
    });
  doc
    .fillColor('#000000')
    .font('Helvetica-Bold')
    .fontSize(10)
    .text('Remit to', MARGIN, top + 22, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(s.remitTo.name, MARGIN, top + 36, { lineBreak: false });
  for (const [i, line] of s.remitTo.addressLines.entries())
    doc.text(line, MARGIN, top + 48 + i * 12, { lineBreak: false });
  const rows = [
    ['Account', s.accountNumber],
    ['Patient / guarantor', s.guarantor.name],
    ['Due by', longDate(s.dueDate)],
    ['Amount due', money(s.amountDueCents)],
    ['Amount enclosed', '$ ______________'],
  ];
  rows.forEach(([label, value], i) => {
    doc
      .font(label === 'Amount due' ? 'Helvetica-Bold' : 'Helvetica')
      .text(label!, boxX, top + 22 + i * 16, { width: 110, lineBreak: false })
      .text(value!, boxX + 110, top + 22 + i * 16, { width: width / 2 - 130, align: 'right', lineBreak: false });
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#666666')
      .text(
        `${s.practice.name} · account ${s.accountNumber} · page ${i + 1} of ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 20,
        { width, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  const bytes = await done;
  return {
    contentType: 'application/pdf',
    fileName: `statement-${s.accountNumber}-${s.statementDate}.pdf`,
    bytes: new Uint8Array(bytes),
  };
}

/** The visit's services and the insurers that adjudicated it, on one small line. */
function visitDetail(v: StatementDocument['visits'][number]): string {
  const services = v.lines.map((l) => l.description).join('; ');
  return v.payers.length ? `${services} · insurance: ${v.payers.join(', ')}` : services;
}
