export { DEFAULT_DELIMITERS, readDelimiters } from './delimiters.ts';
export type { Delimiters } from './delimiters.ts';
export { walkEnvelope } from './envelope.ts';
export type { EnvelopeContext, EnvelopeEvent, GroupHeader, InterchangeHeader, TransactionHeader } from './envelope.ts';
export { components, tokenize } from './tokenizer.ts';
export type { Segment } from './tokenizer.ts';
export { X12ParseError } from './x12-parse-error.ts';
export type { X12ErrorCode, X12ErrorLocation } from './x12-parse-error.ts';
