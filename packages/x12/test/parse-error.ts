import { X12ParseError } from '../src/index.ts';

/** The X12ParseError `run` throws (any other error, or none, fails the test). */
export function parseError(run: () => unknown): X12ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof X12ParseError) return error;
    throw error;
  }
  throw new Error('expected an X12ParseError');
}
