export { createBillingApi } from './api/create-billing-api.ts';
export type { BillingApi, ServerContext } from './api/create-billing-api.ts';
export type { LocalApi, LocalCallOptions } from './local-api/local-api.ts';
export type { OperationName } from './local-api/operations.ts';
export type { DomainContext } from './context/domain-context.ts';
export type { AuthenticationInput, Authenticate, BillingApiOptions } from './api/options.ts';
export { DEFAULT_LIMITS } from './api/options.ts';
export type { WebSocketAttachment } from './api/websockets.ts';
export { createJwtVerifier, principalFromClaims } from './auth/jwt-authenticator.ts';
export type { JwtAuthOptions, TokenVerifier } from './auth/jwt-authenticator.ts';
export { ROLES, isRole } from './auth/principal.ts';
export type { Principal, Role } from './auth/principal.ts';
export { signToken } from './auth/sign-token.ts';
export type { SignTokenInput } from './auth/sign-token.ts';
export { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './db/database-url.ts';
export type { DatabaseProvider, DatabaseTarget } from './db/database-url.ts';
export { applyMigrations, MigrationError, MIGRATIONS_ROOT } from './db/migrations.ts';
export { organizationAdmin, MAX_ORGANIZATION_NAME } from './tenants/organizations.ts';
export type { OrganizationAdmin, OrganizationRecord } from './tenants/organizations.ts';
export { createDb } from './db/prisma-client.ts';
export type { CreateDbOptions, Db } from './db/prisma-client.ts';
export { scopeToTenant } from './db/tenant-scope.ts';
export { isValidNpi, npiCheckDigit } from './validation/npi.ts';
export { isCalendarDate, todayIn } from './util/calendar-date.ts';
export {
  BillingError,
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  InvalidStateTransitionError,
  NotFoundError,
  ValidationError,
} from './errors/billing-errors.ts';
export type { ErrorCode, FieldError } from './errors/billing-errors.ts';
export { ConfigError } from './errors/config-error.ts';
export type { ApiLimits, BillingContext } from './graphql/context.ts';
export type { BillingMetrics } from './api/metrics.ts';
export { decodeId, globalId } from './ids/global-id.ts';
export { printSchemaSdl, SCHEMA_FILE } from './graphql/schema-sdl.ts';
export {
  defineCollectionsExporter,
  defineDocumentRenderer,
  definePayerConnector,
  defineStatementRenderer,
  defineNotifier,
  recordingNotifier,
  pluginKey,
} from './plugins/contracts.ts';
export type {
  BillingPlugin,
  ClaimFormDocument,
  ClaimFormKind,
  CollectionsExporter,
  DocumentRenderer,
  LetterDocument,
  PayerConnector,
  RenderedFile,
  StatementDocument,
  StatementVisit,
  PluginIdentity,
  StatementRenderer,
  Notifier,
  PlacementRecord,
  RecallRecord,
  AgencyUpdate,
  NotifierChannel,
  NotifierMessage,
  InboundMessage,
  NotifierReceipt,
} from './plugins/contracts.ts';
export { ManualClock, systemClock } from './util/clock.ts';
export {
  CMS1500_FIELDS,
  CMS1500_LINE_FIELDS,
  CMS1500_LINES_PER_FORM,
} from './submission/claim-forms/cms1500-fields.ts';
export { UB04_FIELDS, UB04_LINE_FIELDS, UB04_LINES_PER_FORM } from './submission/claim-forms/ub04-fields.ts';
export { validationNoticeLetter } from './collections/validation-notice-wording.ts';
export type { NoticeLanguage, ValidationNoticeFacts } from './collections/validation-notice-wording.ts';
export type { Clock } from './util/clock.ts';
export type { JobQueue } from './jobs/job-queue.ts';
export { DEFAULT_PATIENT_BILLING_POLICY } from './patient-billing/billing-policy.ts';
export type { PatientBillingPolicy, DunningStep } from './patient-billing/billing-policy.ts';
export type { PluginRegistry } from './plugins/registry.ts';
export { createBillingPubSub } from './pubsub/billing-events.ts';
export type { BillingEvents, BillingPubSub } from './pubsub/billing-events.ts';
export { CLAIM_TRANSITIONS, OPEN_CLAIM_STATUSES } from './claims/claim-status.ts';
export type { StatusChange } from './claims/claim-status.ts';
export { DEFAULT_SCRUB_RULES } from './claims/scrub/default-rules.ts';
export type { ScrubContext, ScrubFinding, ScrubRule } from './claims/scrub/scrub-rule.ts';
export type { ClaimCodeFacts, CodeSetStore } from './code-sets/code-set-store.ts';
export { importCodeSet } from './code-sets/import-code-set.ts';
export { defineCodeSetProvider } from './code-sets/code-set-provider.ts';
export type { CodeSetProvider, CodeSetReleaseFile } from './code-sets/code-set-provider.ts';
export type { CodeSetSource, ImportCodeSetInput, ImportCodeSetResult } from './code-sets/import-code-set.ts';
export { CAPABILITY_METHODS } from './plugins/contracts.ts';
export type { InboundFile, OutboundBatch, PayerCapability, SubmissionReceipt } from './plugins/contracts.ts';
export type { PolledFile } from './inbound/poll-connectors.ts';
export { callConnector, ConnectorError } from './plugins/connector-call.ts';
export type { CallOptions } from './plugins/connector-call.ts';
export { parseCsv } from './util/csv.ts';
export { formatCents } from './util/money.ts';
export type {
  RemittanceImportOptions,
  RemittanceImportProgress,
  RemittanceImportSummary,
  RemittanceSource,
} from './remittance/import-remittance.ts';
