import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { SCHEMA_FILE } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

/**
 * Every type, field, argument and enum value of the schema should say what it is. The ones that do not yet are
 * listed in fixtures/undescribed-schema.txt, a list that may only shrink: a new element without a description
 * fails here, and so does a listed one that has gained one (delete its line). UPDATE_UNDESCRIBED=1 rewrites the
 * list from the schema, for after a batch of descriptions.
 */
const LIST = fileURLToPath(new URL('./fixtures/undescribed-schema.txt', import.meta.url));

function undescribed(): string[] {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describe every element but the listed ones, and the list only shrinks', () => {
    const now = undescribed();
    if (process.env.UPDATE_UNDESCRIBED === '1') writeFileSync(LIST, `${now.join('\n')}\n`);
    const listed = existsSync(LIST) ? readFileSync(LIST, 'utf8').split('\n').filter(Boolean) : [];
    expect(now.filter((c) => !listed.includes(c)), 'new elements without a description').toEqual([]);
    expect(listed.filter((c) => !now.includes(c)), 'described now: delete these lines from the list').toEqual([]);
  });
});
