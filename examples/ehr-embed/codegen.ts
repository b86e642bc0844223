import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's checked-in schema: `npm run codegen -w @revcycle/example-ehr-embed` after the
// operations or the schema change. The output is committed, so the app and its test need no codegen step.
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/operations/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { Cents: 'number', Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
