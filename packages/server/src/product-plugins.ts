import { csvCollectionsExporter } from '@revcycle/collections-csv';
import type { BillingApiOptions } from '@revcycle/core';
import { htmlDocumentRenderer } from '@revcycle/document-html';
import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { htmlStatementRenderer } from '@revcycle/statement-html';
import { pdfStatementRenderer } from '@revcycle/statement-pdf';

/** The plugins the standalone server runs with (and the demo seed needs: its payers use the sandbox connector). */
export function productPlugins(): Pick<BillingApiOptions, 'payers' | 'documents' | 'statements' | 'collections'> {
  return {
    // The sandbox clearinghouse answers the demo's claims with real 999/277CA/271 files; real payers need a
    // connector of their own (see plugins/), configured by a host that embeds createBillingApi.
    payers: [sandboxPayer()],
    // Letters (appeals, validation notices) are rendered as PDF to mail; validation notices a practice e-mails
    // (policy EMAIL, with the consumer's E-SIGN consent) as HTML.
    documents: [pdfDocumentRenderer(), htmlDocumentRenderer()],
    // Statements are stored as PDF (to print and mail) and HTML (for portals and email).
    statements: [pdfStatementRenderer(), htmlStatementRenderer()],
    // Collection agencies get CSV placement and recall files and send CSV updates back.
    collections: [csvCollectionsExporter()],
  };
}
