export { DEFAULT_DELIMITERS, readDelimiters } from './delimiters.ts';
export type { Delimiters } from './delimiters.ts';
export { EnvelopeValidator, walkEnvelope } from './envelope.ts';
export type {
  EnvelopeContext,
  EnvelopeEvent,
  GroupHeader,
  InterchangeHeader,
  TransactionHandler,
  TransactionHeader,
} from './envelope.ts';
export { inputText, SegmentScanner, tokenize } from './tokenizer.ts';
export type { Segment } from './tokenizer.ts';
export { X12ParseError } from './x12-parse-error.ts';
export { X12WriteError } from './writer/x12-write-error.ts';
export { AAA_REJECT_REASONS } from './eligibility/reject-reasons.ts';
export { toX12Characters, x12ValueProblem } from './writer/character-set.ts';
export { MAX_LINES as MAX_837_LINES } from './837/guide-limits.ts';
export type { X12WriteErrorCode } from './writer/x12-write-error.ts';
export type { X12ErrorCode, X12ErrorLocation } from './x12-parse-error.ts';
export { parse835 } from './835/parse835.ts';
export { stream835 } from './835/stream835.ts';
export { write835 } from './835/write835.ts';
export type { Remittance835Input } from './835/write835.ts';
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
export { centsToDecimal, decimalToScaled, milliToDecimal, toX12Date } from './values.ts';
export { parse999 } from './acknowledgements/parse999.ts';
export type { Ack999, ElementError999, SegmentError999, TransactionResponse999 } from './acknowledgements/parse999.ts';
export type { ReadOptions } from './transactions.ts';
export { parse277, parse277CA } from './acknowledgements/parse277.ts';
export type {
  ClaimStatus,
  ClaimStatusDetail,
  ClaimStatusLine,
  ClaimStatusResponse,
} from './acknowledgements/parse277.ts';
export { parse271, summarize271 } from './eligibility/parse271.ts';
export type {
  Benefit,
  EligibilityMember,
  EligibilityRejection,
  EligibilityResponse,
  EligibilitySummary,
} from './eligibility/parse271.ts';
export { parse837 } from './837/parse837.ts';
export type { Parse837Result } from './837/parse837.ts';
export { write837I, write837P } from './837/write837.ts';
export type { WriteOptions } from './writer/interchange.ts';
export type * from './837/types.ts';
export type { EnvelopeOptions } from './envelope.ts';
export { write270 } from './eligibility/write270.ts';
export type { Eligibility270, EligibilityInquiry, InquiryPerson } from './eligibility/write270.ts';
export { write276 } from './acknowledgements/write276.ts';
export type { ClaimStatus276, ClaimStatusInquiry } from './acknowledgements/write276.ts';
export type { GroupOptions, InterchangeOptions } from './writer/interchange.ts';
export { compositeOf, COMPONENT, REPETITION, writeInterchange, writeInterchangeOf } from './writer/interchange.ts';
export type { SegmentElements } from './writer/interchange.ts';
