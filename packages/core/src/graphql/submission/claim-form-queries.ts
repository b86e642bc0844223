import { builder } from '../builder.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { decodeId } from '../../ids/global-id.ts';
import { previewClaimForm } from '../../submission/preview-claim-form.ts';
import type { ClaimFormPreview } from '../../submission/preview-claim-form.ts';

const ClaimFormPreviewRef = builder.objectRef<ClaimFormPreview>('ClaimFormPreview').implement({
  description: 'A claim rendered on its paper form (CMS-1500 or UB-04), not stored.',
  fields: (t) => ({
    form: t.string({ description: 'CMS-1500 or UB-04.', resolve: (p) => p.form }),
    pages: t.int({
      description: 'Forms the claim takes (6 lines per CMS-1500, 22 per UB-04).',
      resolve: (p) => p.pages,
    }),
    contentType: t.string({ description: 'application/pdf with the PDF renderer.', resolve: (p) => p.contentType }),
    fileName: t.string({ description: 'A name to save it under.', resolve: (p) => p.fileName }),
    contentBase64: t.string({
      description: 'The file, base64-encoded.',
      resolve: (p) => Buffer.from(p.bytes).toString('base64'),
    }),
  }),
});

builder.queryField('previewClaimForm', (t) =>
  t.field({
    type: ClaimFormPreviewRef,
    description:
      'A claim on its paper form as it would print today, changing nothing. With formBackground (the default) the form is drawn under the data, for review; without it, the data alone, positioned for the red OCR form. Admins, billers, auditors.',
    authScopes: { admin: true, biller: true, auditor: true },
    args: {
      claimId: t.arg.id({ required: true }),
      formBackground: t.arg.boolean({ defaultValue: true, description: 'Draw the form under the data.' }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'PreviewClaimFormResult' } },
    resolve: (_root, args, ctx) =>
      previewClaimForm(ctx, decodeId('Claim', String(args.claimId), ['claimId']), args.formBackground ?? true),
  }),
);
