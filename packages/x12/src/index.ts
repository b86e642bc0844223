export { DEFAULT_DELIMITERS, readDelimiters } from './delimiters.ts';
export type { Delimiters } from './delimiters.ts';
export { EnvelopeValidator, walkEnvelope } from './envelope.ts';
export type { EnvelopeContext, EnvelopeEvent, GroupHeader, InterchangeHeader, TransactionHandler, TransactionHeader } from './envelope.ts';
export { inputText, SegmentScanner, tokenize } from './tokenizer.ts';
export type { Segment } from './tokenizer.ts';
export { X12ParseError } from './x12-parse-error.ts';
export type { X12ErrorCode, X12ErrorLocation } from './x12-parse-error.ts';
export { parse835 } from './835/parse835.ts';
export { stream835 } from './835/stream835.ts';
export type { ByteSource, Remittance835Event } from './835/stream835.ts';
export type {
  Adjustment,
  BalanceFinding,
  ClaimPayment,
  Party,
  PartyName,
  PaymentHeader,
  Procedure,
  ProviderAdjustment,
  Remittance835,
  ServicePayment,
  X12Warning,
} from './835/types.ts';
export { centsToDecimal, decimalToScaled, milliToDecimal } from './values.ts';
