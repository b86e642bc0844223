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

/** Sends claims and status/eligibility requests to payers (clearinghouses, payer APIs, SFTP). */
export interface PayerConnector extends PluginIdentity {
  kind: 'payer';
}

/** Renders patient statements (PDF, HTML, print-and-mail vendor files). */
export interface StatementRenderer extends PluginIdentity {
  kind: 'statement';
}

/** Places delinquent accounts with a collection agency and reads its reports back. */
export interface CollectionsExporter extends PluginIdentity {
  kind: 'collections';
}

export type BillingPlugin = PayerConnector | StatementRenderer | CollectionsExporter;

/** Identity helper for plugin authors: gives inference and checks the shape at compile time. */
export function definePayerConnector<T extends Omit<PayerConnector, 'kind'>>(connector: T): T & { kind: 'payer' } {
  return { ...connector, kind: 'payer' };
}

export function defineStatementRenderer<T extends Omit<StatementRenderer, 'kind'>>(renderer: T): T & { kind: 'statement' } {
  return { ...renderer, kind: 'statement' };
}

export function defineCollectionsExporter<T extends Omit<CollectionsExporter, 'kind'>>(
  exporter: T,
): T & { kind: 'collections' } {
  return { ...exporter, kind: 'collections' };
}

/** `id`, or `id:instanceId` when the plugin has an instance id. */
export function pluginKey(plugin: PluginIdentity): string {
  return plugin.instanceId ? `${plugin.id}:${plugin.instanceId}` : plugin.id;
}
