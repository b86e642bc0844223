import { searchCodesOperation } from '../../code-sets/code-set-operations.ts';
import { builder } from '../builder.ts';
import { scopesOf } from '../operation-scopes.ts';
import { CodeSystemEnum, MedicalCodeType } from './code-set-types.ts';

builder.queryField('codes', (t) =>
  t.field({
    type: [MedicalCodeType],
    description:
      'Codes of the release in force on `dateOfService` (today by default) whose code starts with `search`, or whose description holds every word of it; at most `first` (50).',
    authScopes: scopesOf(searchCodesOperation),
    args: {
      system: t.arg({ type: CodeSystemEnum, required: true, description: 'Which code set to search.' }),
      search: t.arg.string({ required: true, description: 'A code prefix (E11) or words (type 2 diab).' }),
      dateOfService: t.arg({ type: 'Date', description: 'Which release: the one in force that day.' }),
      first: t.arg.int({ description: 'At most this many, up to 50 (default 20).' }),
    },
    resolve: async (_root, args, ctx) => {
      const found = await searchCodesOperation.run(ctx, args);
      return found.codes.map((c) => ({ ...c, version: found.version ?? '' }));
    },
  }),
);
