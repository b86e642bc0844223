import type { ScrubRule } from './scrub-rule.ts';

/** Claims printed for a paper-only payer need somewhere to go. */
export const PAPER_RULES: ScrubRule[] = [
  {
    id: 'PAPER_PAYER_ADDRESS',
    description: 'A paper-only payer has the mailing address its printed claims go to.',
    check: ({ payer }) =>
      payer.paperOnly && !payer.addressLine1
        ? [
            {
              severity: 'WARNING' as const,
              path: ['payer', 'address'],
              message: `${payer.name} takes paper claims and has no mailing address: the form's carrier block is left empty`,
            },
          ]
        : [],
  },
];
