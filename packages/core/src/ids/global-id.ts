import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors/billing-errors.ts';

export function globalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}

/**
 * The database id inside a global id of the expected type. A malformed id, or one of another type, is a
 * validation error naming the argument, never a lookup with the wrong key.
 */
export function decodeId(typename: string, id: string, path: Array<string | number> = ['id']): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // fall through to the typed error
  }
  throw new ValidationError([{ path, code: 'INVALID_ID', message: `${path.join('.')}: not a ${typename} id` }]);
}
