/**
 * The extension points plugin authors implement. A plugin package exports a factory returning one of these
 * (e.g. `sandboxPayer(options): PayerConnector`); the host passes instances to `createBillingApi`. Nothing
 * registers itself on import, so two configurations of one vendor can live in one process, told apart by
 * `instanceId`. The operations of each kind are specified with the stage that uses them (claims, statements,
 * collections); what every plugin shares is its identity.
 */
export interface PluginIdentity {
  /** The vendor's identifier, e.g. `sandbox`, `availity`, `acme-collections`. Lowercase, digits and dashes. */
  id: string;
  /**
   * Tells two configurations of one vendor apart (e.g. two clearinghouse accounts).
   * The plugin's key, stored on records it touched, is `id` or `id:instanceId`.
   */
  instanceId?: string;
  /** A human name for logs and the admin UI. */
  displayName: string;
}

/** What a payer connector can do; a connector implements the method of each capability it declares. */
export type PayerCapability = 'submit' | 'responses' | 'eligibility' | 'claimStatus';

/** An 837 interchange ready to send: revcycle wrote it, the connector only delivers it. */
export interface OutboundBatch {
  /** revcycle's id of the batch: the same batch sent twice must not reach the payer twice. */
  batchId: string;
  organizationId: string;
  /** ISA13, unique per organization and never reused. */
  interchangeControlNumber: string;
  format: '837P' | '837I';
  /** The X12 text. */
  content: string;
  claimCount: number;
}

export interface SubmissionReceipt {
  /** The connector's reference for the delivery (a file name, a clearinghouse upload id). */
  reference: string;
}

/** A file the payer side sent back: a 999, 277CA, 835, 271 or 277. */
export interface InboundFile {
  /** The connector's name for it, used to acknowledge it. */
  name: string;
  content: string;
  /**
   * The organization the file is for, when the connector knows (a drop folder per organization, a batch it
   * delivered). Without it, revcycle routes the file by its content: claims by patient control number, a 999 by the
   * batch it acknowledges.
   */
  organizationId?: string;
}

/**
 * Sends claims and reads what payers send back, through a clearinghouse, a payer API or an SFTP drop. Each method
 * is optional, matching `capabilities`. Expected failures are ConnectorErrors (retryable or not); revcycle adds
 * timeouts and retries around every call (`signal` aborts a call that ran out of time).
 */
export interface PayerConnector extends PluginIdentity {
  kind: 'payer';
  capabilities: readonly PayerCapability[];
  /** ISA06/GS02: the sender id the clearinghouse gave you. @default the practice's tax id */
  senderId?: string;
  /**
   * ISA08/GS03 and the 837's receiver (1000B): the clearinghouse's receiver id. Without it the connector reaches
   * payers directly: each file goes to one payer and carries that payer's id. @default the payer id
   */
  receiverId?: string;
  /** ISA07: the receiver id's qualifier (ZZ mutually defined, 30 tax id, …). @default 'ZZ' */
  receiverQualifier?: string;
  /** 1000B NM103: the receiver's name. @default the receiver id */
  receiverName?: string;
  /**
   * Whether one file may carry claims for several payers (a clearinghouse sorts them; 2010BB names each claim's
   * payer). @default true with a receiverId, false without (a payer takes only its own claims)
   */
  multiplePayersPerFile?: boolean;
  /** ISA15: P production, T test. @default 'P' */
  usage?: 'P' | 'T';
  /** Delivers an 837 batch. Must be idempotent on `batch.batchId`. */
  submit?(batch: OutboundBatch, signal: AbortSignal): Promise<SubmissionReceipt>;
  /** Files waiting to be read (acknowledgements, remittances, answers), oldest first. */
  fetchResponses?(signal: AbortSignal): Promise<InboundFile[]>;
  /** Marks a fetched file handled, so it is not fetched again; `failure` says why it could not be used. */
  acknowledgeResponse?(file: InboundFile, outcome: { ok: true } | { ok: false; failure: string }): Promise<void>;
  /**
   * How long core waits for `checkEligibility` and `checkClaimStatus`: a batch channel (an SFTP clearinghouse
   * answering 270/276 files) takes longer than a real-time API. @default 20000
   */
  realTimeTimeoutMs?: number;
  /** Sends a 270 and returns the payer's 271 (real time). */
  checkEligibility?(request270: string, signal: AbortSignal): Promise<string>;
  /** Sends a 276 and returns the payer's 277 (real time). */
  checkClaimStatus?(request276: string, signal: AbortSignal): Promise<string>;
}

/** One visit on a statement: what was charged, what insurance paid and adjusted, what the patient owes. Cents. */
export interface StatementVisit {
  /** YYYY-MM-DD */
  serviceDate: string;
  patientName: string;
  provider: string;
  /** The claim number the patient can quote (the first claim of the visit). */
  reference: string;
  /** The payers that adjudicated the visit, in the order they paid (primary first). */
  payers: string[];
  lines: Array<{ description: string; chargeCents: number }>;
  chargesCents: number;
  insurancePaidCents: number;
  adjustmentsCents: number;
  /** What insurance has not decided yet (the visit's balance may still move). */
  insurancePendingCents: number;
  patientPaidCents: number;
  /** What the patient still owes for this visit. */
  balanceCents: number;
}

/** Everything a statement shows, as revcycle computed it on the statement date; renderers only lay it out. */
export interface StatementDocument {
  statementId: string;
  /** YYYY-MM-DD */
  statementDate: string;
  dueDate: string;
  accountNumber: string;
  practice: { name: string; addressLines: string[]; phone?: string; taxId: string };
  /** Where payments go (the practice unless it says otherwise). */
  remitTo: { name: string; addressLines: string[] };
  guarantor: { name: string; addressLines: string[] };
  visits: StatementVisit[];
  /** The amount due on the prior statement (0 on the first). */
  priorBalanceCents: number;
  /** Patient shares that reached the account since the prior statement. */
  newChargesCents: number;
  paymentsSinceCents: number;
  /** Write-offs, refunds and other changes since: prior + new charges − payments − adjustments = amount due. */
  adjustmentsSinceCents: number;
  amountDueCents: number;
  /** The account's patient balance by age of the visit. */
  aging: { days0to30Cents: number; days31to60Cents: number; days61to90Cents: number; over90Cents: number };
  /** A payment plan, when the account has one. */
  paymentPlan?: { status: string; installmentCents: number; nextDueDate?: string };
  howToPay: string[];
  messages: string[];
}

/** Renders patient statements (PDF, HTML, print-and-mail vendor files). */
export interface StatementRenderer extends PluginIdentity {
  kind: 'statement';
  /** The content type it produces, e.g. text/html or application/pdf. */
  contentType: string;
  render(statement: StatementDocument): Promise<RenderedFile>;
}

/** A letter as renderers see it: laid out by the renderer, worded by revcycle. */
export interface LetterDocument {
  /** What it is, e.g. `appeal-letter`; renderers may style kinds differently. */
  kind: string;
  title: string;
  /** The letter's language as a BCP 47 tag, e.g. `es` for a Spanish notice. @default 'en' */
  language?: string;
  /** The sender's letterhead: name, then address and identifier lines. */
  from: { name: string; lines: string[] };
  to: { name: string; lines: string[] };
  /** YYYY-MM-DD */
  date: string;
  /** Reference lines under the addresses (patient, claim number, dates of service …). */
  references: Array<{ label: string; value: string }>;
  salutation: string;
  /** Body paragraphs, in order. */
  paragraphs: string[];
  /** An optional table (e.g. the denied lines). Amounts arrive formatted. */
  table?: { columns: string[]; rows: string[][] };
  /** Headed sections after the body and table, e.g. the validation notice's "How can you dispute the debt?". */
  sections?: Array<{ heading: string; paragraphs: string[] }>;
  closing: string;
  signature: string[];
  /** Enclosures listed at the end (the attachments' names). */
  enclosures: string[];
  /**
   * A form for the reader to cut off and mail back (the validation notice's consumer-response section): the
   * renderer sets it apart (a cut line, its own page or box), draws an empty check box before each choice, and
   * prints the address it goes to.
   */
  responseForm?: {
    heading: string;
    /** Lines before the choices, e.g. "Check all that apply:". */
    intro: string[];
    choices: Array<{
      label: string /** A choice under the one before it (a reason for a dispute). */;
      indent?: boolean;
    }>;
    /** Lines after the choices (whom to make a check payable to, the reference). */
    notes: string[];
    mailTo: { label: string; name: string; lines: string[] };
  };
}

export interface RenderedFile {
  contentType: string;
  fileName: string;
  bytes: Uint8Array;
}

/** The paper claim forms: CMS-1500 (02/12) for professional claims, UB-04 (CMS-1450) for institutional ones. */
export type ClaimFormKind = 'CMS-1500' | 'UB-04';

/**
 * One page of a paper claim, filled by revcycle from the data the claim's 837 is written from; a renderer only
 * positions it. `fields` are keyed by CMS-1500 item number (`1a`, `21.A`, `33a` …) or UB-04 form locator (`FL4`,
 * `FL67A` …), as listed in `CMS1500_FIELDS` and `UB04_FIELDS`; a check-box item holds the box to mark (`3.sex`:
 * `F`); a value of several lines is joined with newlines. `lines` holds the page's service lines, keyed by column
 * (`24A.from` … or `FL42` …). A claim with more lines than a form holds (6 on a CMS-1500, 22 on a UB-04) comes as
 * several pages, its total on the last one.
 */
export interface ClaimFormDocument {
  form: ClaimFormKind;
  claimId: string;
  /** 1-based page of this claim, and how many pages the claim has. */
  page: number;
  pages: number;
  fields: Record<string, string>;
  lines: Array<Record<string, string>>;
}

/** Renders letters (appeal letters, notices) to a file: PDF, HTML, or a print vendor's format; some also claim forms. */
export interface DocumentRenderer extends PluginIdentity {
  kind: 'document';
  /** The content type it produces, e.g. application/pdf. */
  contentType: string;
  render(document: LetterDocument): Promise<RenderedFile>;
  /** The paper claim forms this renderer can lay out (`renderClaimForms`). */
  claimForms?: readonly ClaimFormKind[];
  /**
   * Renders claim forms, one page each, positioned for printing on the red OCR forms; with `formBackground` the
   * form itself is drawn under the data, for review on plain paper (never for mailing: payers scan only red forms).
   */
  renderClaimForms?(forms: ClaimFormDocument[], options: { formBackground: boolean }): Promise<RenderedFile>;
}

/**
 * One account placed with an agency: only what collecting needs (HIPAA minimum necessary) — who owes, how to reach
 * them, the account, the balances and their itemization, dates of service and the practice. Never diagnosis or
 * procedure codes: core does not give them to exporters, and the contract suite checks exporters never write any.
 */
export interface PlacementRecord {
  placementId: string;
  accountNumber: string;
  practice: { name: string; taxId: string; phone?: string; addressLines: string[] };
  guarantor: {
    firstName: string;
    lastName: string;
    dateOfBirth?: string;
    addressLine1?: string;
    addressLine2?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    phone?: string;
    email?: string;
  };
  balanceCents: number;
  /** Regulation F itemization: the balance on the itemization date and what changed since, so the agency's validation notice can show it. */
  itemization: {
    itemizationDate: string;
    itemizationBalanceCents: number;
    interestCents: number;
    feesCents: number;
    paymentsCents: number;
    creditsCents: number;
  };
  datesOfService: string[];
  firstStatementDate: string;
  delinquencyDate: string;
  placedOn: string;
  /** Present when the agency reports to the credit bureaus: what it may do with this account. */
  creditReporting?: { action: 'REPORT' | 'DO_NOT_REPORT' | 'DELETE'; reason: string };
}

/** An account the practice takes back from the agency (the patient paid or agreed a plan at the practice, …). */
export interface RecallRecord {
  placementId: string;
  accountNumber: string;
  reason: string;
  recalledOn: string;
}

/** One line of an agency's update file, as the exporter read it. */
export interface AgencyUpdate {
  kind: 'PAYMENT' | 'ADJUSTMENT' | 'DISPUTE' | 'RETURN' | 'STATUS';
  placementId: string;
  date: string;
  /** Collected (PAYMENT) or adjusted (ADJUSTMENT), in cents. */
  amountCents?: number;
  /** The agency's commission on a payment, when it reports it. */
  commissionCents?: number;
  note?: string;
  /** The line of the file it came from, for error messages. */
  line: number;
}

/** Places delinquent accounts with a collection agency (placement and recall files) and reads its update files. */
export interface CollectionsExporter extends PluginIdentity {
  kind: 'collections';
  exportPlacements(
    placements: readonly PlacementRecord[],
    batch: { agencyName: string; batchDate: string },
  ): Promise<RenderedFile[]>;
  exportRecalls(
    recalls: readonly RecallRecord[],
    batch: { agencyName: string; batchDate: string },
  ): Promise<RenderedFile[]>;
  /** Reads an update file; a malformed line throws an error naming the line and the field. */
  parseUpdates(file: { name: string; content: string }): Promise<AgencyUpdate[]>;
}

/** The channels a notifier carries. Letters (MAIL) go out as statements, which the practice mails. */
export type NotifierChannel = 'EMAIL' | 'SMS' | 'PHONE_TASK';

/** One reminder to one person, as the dunning step asked for it. The notifier words it from `template`. */
export interface NotifierMessage {
  channel: NotifierChannel;
  /** The dunning step's template name, e.g. `reminder-sms`, `final-notice-email`. */
  template: string;
  /** Where to send it: an e-mail address or a phone number in E.164 or as the practice keeps it. */
  to: string;
  /** What templates may use: amounts in cents, dates YYYY-MM-DD, names. Never clinical information. */
  variables: {
    patientName: string;
    practiceName: string;
    practicePhone?: string;
    accountNumber: string;
    amountDueCents: number;
    dueDate?: string;
    statementDate?: string;
  };
  /** Stable per message: a notifier that is called twice with the same key must send once. */
  idempotencyKey: string;
  /**
   * How to opt out of this channel, which every electronic collection message must carry (12 CFR 1006.6(e)), e.g.
   * "Reply STOP to end text messages." The notifier puts it in the message as given, whatever its template says.
   */
  optOutNotice: string;
  /**
   * A document the message delivers — the validation notice, as HTML — which the notifier puts in the message so
   * the consumer can read and keep it (12 CFR 1006.42(a)). Only e-mailed, to an address with E-SIGN consent.
   */
  document?: RenderedFile;
}

/** A reply a notifier received (a text back, an e-mail reply): STOP, UNSUBSCRIBE and the like revoke at once. */
export interface InboundMessage {
  channel: 'SMS' | 'EMAIL';
  /** The number or address it came from. */
  from: string;
  text: string;
  receivedAt: Date;
  /** The carrier's id for it. */
  externalRef?: string;
}

/** What became of a message: SENT (handed to the carrier), RECORDED (kept, not sent), FAILED (with why). */
export interface NotifierReceipt {
  outcome: 'SENT' | 'RECORDED' | 'FAILED';
  /** The carrier's id for the message, to match delivery reports later. */
  externalRef?: string;
  detail?: string;
}

/** Sends reminders by e-mail, text message, or as a call task for staff. Every attempt is recorded as a Communication. */
export interface Notifier extends PluginIdentity {
  kind: 'notifier';
  channels: readonly NotifierChannel[];
  send(message: NotifierMessage): Promise<NotifierReceipt>;
  /**
   * The inbound-message hook: core hands the notifier a function to call with every reply it receives (from its
   * carrier's webhook or mailbox); a STOP or UNSUBSCRIBE reply revokes the sender's consent at once.
   */
  receiveReplies?(deliver: (reply: InboundMessage) => Promise<void>): void;
}

export type BillingPlugin = PayerConnector | StatementRenderer | CollectionsExporter | DocumentRenderer | Notifier;

/** Identity helper for plugin authors: gives inference and checks the shape at compile time. */
export function definePayerConnector<
  T extends Omit<PayerConnector, 'kind' | 'capabilities'> & { capabilities?: readonly PayerCapability[] },
>(connector: T): T & { kind: 'payer'; capabilities: readonly PayerCapability[] } {
  return { ...connector, kind: 'payer', capabilities: connector.capabilities ?? [] };
}

/** The method each capability needs. */
export const CAPABILITY_METHODS: Readonly<Record<PayerCapability, ReadonlyArray<keyof PayerConnector>>> = {
  submit: ['submit'],
  responses: ['fetchResponses', 'acknowledgeResponse'],
  eligibility: ['checkEligibility'],
  claimStatus: ['checkClaimStatus'],
};

export function defineStatementRenderer<T extends Omit<StatementRenderer, 'kind'>>(
  renderer: T,
): T & { kind: 'statement' } {
  return { ...renderer, kind: 'statement' };
}

export function defineDocumentRenderer<T extends Omit<DocumentRenderer, 'kind'>>(
  renderer: T,
): T & { kind: 'document' } {
  return { ...renderer, kind: 'document' };
}

export function defineCollectionsExporter<T extends Omit<CollectionsExporter, 'kind'>>(
  exporter: T,
): T & { kind: 'collections' } {
  return { ...exporter, kind: 'collections' };
}

export function defineNotifier<T extends Omit<Notifier, 'kind'>>(notifier: T): T & { kind: 'notifier' } {
  return { ...notifier, kind: 'notifier' };
}

/**
 * The default notifier: keeps every reminder as a Communication with outcome RECORDED and sends nothing, so a
 * practice sees what would have gone out before it connects an e-mail or SMS provider.
 */
const recordingSpec: Omit<Notifier, 'kind'> = {
  id: 'record-only',
  displayName: 'Record reminders without sending',
  channels: ['EMAIL', 'SMS', 'PHONE_TASK'],
  async send() {
    return { outcome: 'RECORDED', detail: 'recorded, not sent (no notifier configured)' };
  },
};
export const recordingNotifier: Notifier = defineNotifier(recordingSpec);

/** `id`, or `id:instanceId` when the plugin has an instance id. */
export function pluginKey(plugin: PluginIdentity): string {
  return plugin.instanceId ? `${plugin.id}:${plugin.instanceId}` : plugin.id;
}
