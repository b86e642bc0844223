import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { SCHEMA_FILE } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

/**
 * Every type, field, argument and enum value of the schema says what it is, read from the printed schema vendors
 * see (descriptions come from definitions, Prisma doc comments and graphql/describe-generated.ts).
 */

function undescribed(): string[] {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describe every type, field, argument and enum value', () => {
    expect(undescribed()).toEqual([]);
  });
});
