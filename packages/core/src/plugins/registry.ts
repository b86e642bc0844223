import { ConfigError } from '../errors/config-error.ts';
import type {
  BillingPlugin,
  CollectionsExporter,
  DocumentRenderer,
  Notifier,
  PayerCapability,
  PayerConnector,
  StatementRenderer,
} from './contracts.ts';
import { CAPABILITY_METHODS, pluginKey, recordingNotifier } from './contracts.ts';

/** The plugins of one API instance, by key. */
export interface PluginRegistry {
  payers: ReadonlyMap<string, PayerConnector>;
  statements: ReadonlyMap<string, StatementRenderer>;
  collections: ReadonlyMap<string, CollectionsExporter>;
  documents: ReadonlyMap<string, DocumentRenderer>;
  /** Reminder carriers; when none is configured, the recording notifier (records, sends nothing). */
  notifiers: ReadonlyMap<string, Notifier>;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Validates and indexes the configured plugins; errors name the option and the position. */
export function createPluginRegistry(options: {
  payers?: readonly PayerConnector[];
  statements?: readonly StatementRenderer[];
  collections?: readonly CollectionsExporter[];
  documents?: readonly DocumentRenderer[];
  notifiers?: readonly Notifier[];
}): PluginRegistry {
  const notifiers = index('notifiers', 'notifier', options.notifiers);
  return {
    payers: index('payers', 'payer', options.payers),
    statements: index('statements', 'statement', options.statements),
    collections: index('collections', 'collections', options.collections),
    documents: index('documents', 'document', options.documents),
    notifiers: notifiers.size ? notifiers : new Map([[pluginKey(recordingNotifier), recordingNotifier]]),
  };
}

function index<T extends BillingPlugin>(
  option: string,
  kind: T['kind'],
  plugins: readonly T[] | undefined,
): Map<string, T> {
  const byKey = new Map<string, T>();
  if (plugins === undefined) return byKey;
  if (!Array.isArray(plugins)) throw new ConfigError(option, 'must be an array of plugin instances');
  plugins.forEach((plugin, i) => {
    const at = `${option}[${i}]`;
    if (typeof plugin !== 'object' || plugin === null) throw new ConfigError(at, 'must be a plugin instance');
    if (plugin.kind !== kind)
      throw new ConfigError(`${at}.kind`, `expected "${kind}", got ${JSON.stringify(plugin.kind)}`);
    if (typeof plugin.id !== 'string' || !ID_PATTERN.test(plugin.id)) {
      throw new ConfigError(`${at}.id`, 'must be lowercase letters, digits and dashes');
    }
    if (plugin.kind === 'payer') checkCapabilities(at, plugin as PayerConnector);
    if (plugin.kind === 'notifier') checkNotifier(at, plugin as Notifier);
    if (plugin.kind === 'collections') {
      for (const method of ['exportPlacements', 'exportRecalls', 'parseUpdates'] as const) {
        if (typeof (plugin as CollectionsExporter)[method] !== 'function')
          throw new ConfigError(`${at}.${method}`, `a collections exporter needs ${method}()`);
      }
    }
    if (
      (plugin.kind === 'document' || plugin.kind === 'statement') &&
      typeof (plugin as DocumentRenderer).render !== 'function'
    )
      throw new ConfigError(`${at}.render`, `a ${plugin.kind} renderer needs render()`);
    const key = pluginKey(plugin);
    if (byKey.has(key)) throw new ConfigError(at, `two plugins share the key "${key}"; give one an instanceId`);
    byKey.set(key, plugin);
  });
  return byKey;
}

function checkCapabilities(at: string, connector: PayerConnector): void {
  if (!Array.isArray(connector.capabilities))
    throw new ConfigError(
      `${at}.capabilities`,
      'must list what the connector can do (submit, responses, eligibility, claimStatus)',
    );
  for (const capability of connector.capabilities as readonly PayerCapability[]) {
    const methods = CAPABILITY_METHODS[capability] as ReadonlyArray<keyof PayerConnector> | undefined;
    if (!methods) throw new ConfigError(`${at}.capabilities`, `unknown capability "${capability}"`);
    for (const method of methods) {
      if (typeof (connector as unknown as Record<string, unknown>)[method] !== 'function')
        throw new ConfigError(
          `${at}.${String(method)}`,
          `the connector declares "${capability}" but has no ${String(method)}()`,
        );
    }
  }
}

const NOTIFIER_CHANNELS = ['EMAIL', 'SMS', 'PHONE_TASK'];

function checkNotifier(at: string, notifier: Notifier): void {
  if (typeof notifier.send !== 'function') throw new ConfigError(`${at}.send`, 'a notifier needs send()');
  if (!Array.isArray(notifier.channels) || notifier.channels.length === 0)
    throw new ConfigError(`${at}.channels`, 'must list the channels it carries (EMAIL, SMS, PHONE_TASK)');
  for (const channel of notifier.channels)
    if (!NOTIFIER_CHANNELS.includes(channel))
      throw new ConfigError(`${at}.channels`, `unknown channel "${String(channel)}"`);
}
