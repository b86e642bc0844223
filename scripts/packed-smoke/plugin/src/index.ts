import { defineStatementRenderer, formatCents } from '@revcycle/core';
import type { StatementDocument, StatementRenderer } from '@revcycle/core';

const CONTENT_TYPE = 'text/plain; charset=utf-8';

/** Renders a statement as plain text, one visit a line: the smallest renderer a plugin author could publish. */
export function textStatementRenderer(): StatementRenderer {
  return defineStatementRenderer({
    id: 'statement-text',
    contentType: CONTENT_TYPE,
    async render(statement: StatementDocument) {
      const lines = [
        `${statement.practice.name} — statement of ${statement.statementDate}`,
        `Account ${statement.accountNumber}, due ${statement.dueDate}`,
        ...statement.visits.map(
          (v) => `${v.serviceDate} ${v.reference} ${v.patientName} ${formatCents(v.chargesCents)}`,
        ),
        `Amount due: ${formatCents(statement.amountDueCents)}`,
      ];
      return {
        fileName: `statement-${statement.accountNumber}.txt`,
        contentType: CONTENT_TYPE,
        bytes: new TextEncoder().encode(lines.join('\n')),
      };
    },
  });
}
