import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import { recordAuditEvent } from '../audit/audited.ts';
import { BillingError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Db } from '../db/prisma-client.ts';
import { callConnector } from '../plugins/connector-call.ts';
import type { InboundFile, PayerConnector } from '../plugins/contracts.ts';
import { importRemittanceFile } from '../remittance/import-remittance.ts';
import { importResponse } from '../submission/import-responses.ts';
import { organizationOf, transactionKind } from './route-inbound-file.ts';

export interface PolledFile {
  connector: string;
  name: string;
  kind: string;
  organizationId?: string;
  ok: boolean;
  /** What was done, or why the file could not be used (it is acknowledged with this failure). */
  message: string;
}

/** Builds the context a system job acts in for one organization (admin rights, its own audit identity). */
export type SystemContextFactory = (principal: Principal) => DomainContext;

async function handle(
  key: string,
  file: InboundFile,
  contextFor: SystemContextFactory,
  systemDb: Db,
): Promise<PolledFile> {
  const kind = transactionKind(file.content);
  const organizationId = await organizationOf(systemDb, key, file, kind);
  if (!organizationId)
    return {
      connector: key,
      name: file.name,
      kind,
      ok: false,
      message: `Cannot tell which organization this ${kind} is for: no single organization owns what it names`,
    };
  const ctx = contextFor({ userId: `connector:${key}`, organizationId, roles: ['admin'] });
  if (kind === '835') {
    const summary = await importRemittanceFile(ctx, file.content, 'pollConnectorResponses');
    return {
      connector: key,
      name: file.name,
      kind,
      organizationId,
      ok: true,
      message: summary.duplicate
        ? 'already posted'
        : [`posted ${summary.matched} claim payment(s), ${summary.unmatched} unmatched`, ...summary.warnings].join(
            '; ',
          ),
    };
  }
  if (kind === '999' || kind === '277CA') {
    const { result, changes } = await importResponse(ctx, file);
    for (const change of changes) ctx.pubsub.publish('claimStatusChanged', organizationId, change);
    await recordAuditEvent(ctx, 'pollConnectorResponses', result.imported ? 'SUCCEEDED' : 'FAILED', []);
    return {
      connector: key,
      name: file.name,
      kind,
      organizationId,
      ok: result.imported,
      message: result.message ?? `${result.claimsUpdated} claim(s) updated, ${result.unmatched} unmatched`,
    };
  }
  return {
    connector: key,
    name: file.name,
    kind,
    organizationId,
    ok: false,
    message: `A ${kind} is not read from the response queue`,
  };
}

/**
 * Reads every connector's waiting files (999, 277CA, 835) once, routes each to its organization and applies it
 * through the same code as the API's imports, then acknowledges it — with the failure when it could not be used,
 * so the connector can park it. A file that fails is reported and acknowledged; the others go on.
 */
export async function pollConnectorResponses(
  connectors: ReadonlyMap<string, PayerConnector>,
  contextFor: SystemContextFactory,
  systemDb: Db,
  log: DomainContext['logger'],
): Promise<PolledFile[]> {
  const results: PolledFile[] = [];
  for (const [key, connector] of connectors) {
    if (!connector.fetchResponses || !connector.acknowledgeResponse) continue;
    let files: InboundFile[];
    try {
      files = await callConnector(key, (signal) => connector.fetchResponses!(signal), {
        timeoutMs: 30_000,
        retries: 2,
        backoffMs: 500,
      });
    } catch (error) {
      log.warn(
        { connector: key, err: error instanceof Error ? error.message : String(error) },
        'fetching responses failed; will try again next round',
      );
      continue;
    }
    for (const file of files) {
      let outcome: PolledFile;
      try {
        outcome = await handle(key, file, contextFor, systemDb);
      } catch (error) {
        const message =
          error instanceof BillingError ? `${error.code}: ${error.message}` : 'internal error while applying the file';
        if (!(error instanceof BillingError))
          log.error(
            {
              connector: key,
              file: file.name,
              requestId: randomUUID(),
              err: error instanceof Error ? error.message : String(error),
            },
            'applying an inbound file failed',
          );
        outcome = { connector: key, name: file.name, kind: 'UNKNOWN', ok: false, message };
      }
      await connector.acknowledgeResponse(file, outcome.ok ? { ok: true } : { ok: false, failure: outcome.message });
      results.push(outcome);
    }
  }
  return results;
}
