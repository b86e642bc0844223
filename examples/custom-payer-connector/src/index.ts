import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';

/**
 * A connector for "Acme Clearinghouse", a fictional clearinghouse with a JSON HTTP API:
 *   POST /v1/batches            { batchId, format, x12 }  → { uploadId }   (idempotent on batchId)
 *   GET  /v1/responses                                      → { files: [{ id, name, x12 }] }
 *   POST /v1/responses/:id/ack  { ok, failure? }           → 204
 *   POST /v1/eligibility        { x12 }  (a 270)           → { x12 }  (a 271)
 *   POST /v1/claim-status       { x12 }  (a 276)           → { x12 }  (a 277)
 * Copy this package to publish your own: keep the shape (a factory that validates its options and returns
 * `definePayerConnector({...})`), replace the HTTP calls.
 */
export interface AcmeOptions {
  /** e.g. https://api.acme-clearinghouse.example */
  baseUrl: string;
  apiKey: string;
  /** ISA06/GS02 the clearinghouse assigned you. */
  submitterId: string;
  /** 'T' while testing with the clearinghouse. @default 'P' */
  usage?: 'P' | 'T';
  /** Two accounts of one vendor in one process are told apart by this. */
  instanceId?: string;
  /** For tests: the fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export function acmeClearinghouse(options: AcmeOptions): PayerConnector {
  // Options are checked when the host builds the API, not at the first claim: a bad one names itself at boot.
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new ConfigError('payers[acme].baseUrl', `must be an absolute URL, got ${JSON.stringify(options.baseUrl)}`);
  }
  if (base.protocol !== 'https:' && base.hostname !== 'localhost' && base.hostname !== '127.0.0.1')
    throw new ConfigError('payers[acme].baseUrl', 'must use https (PHI travels on it)');
  if (!options.apiKey || options.apiKey.length < 16)
    throw new ConfigError('payers[acme].apiKey', 'must be the API key Acme issued (16 characters or more)');
  if (!/^[A-Z0-9]{2,15}$/i.test(options.submitterId ?? ''))
    throw new ConfigError('payers[acme].submitterId', 'must be the 2–15 character submitter id Acme assigned');
  const doFetch = options.fetch ?? globalThis.fetch;

  async function call<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, base), {
        method,
        signal,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      // The network failed (or the call timed out): worth trying again.
      throw new ConnectorError(
        `Acme is unreachable: ${error instanceof Error ? error.message : String(error)}`,
        true,
        'acme',
      );
    }
    if (response.status >= 500 || response.status === 429)
      throw new ConnectorError(`Acme answered ${response.status}`, true, 'acme');
    if (!response.ok)
      throw new ConnectorError(
        `Acme refused the request (${response.status}): ${await response.text()}`,
        false,
        'acme',
      );
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  const spec: Omit<PayerConnector, 'kind'> = {
    id: 'acme',
    instanceId: options.instanceId,
    displayName: 'Acme Clearinghouse',
    capabilities: ['submit', 'responses', 'eligibility', 'claimStatus'],
    senderId: options.submitterId,
    receiverId: 'ACMECH',
    usage: options.usage ?? 'P',

    async submit(batch: OutboundBatch, signal: AbortSignal) {
      const { uploadId } = await call<{ uploadId: string }>(
        'POST',
        '/v1/batches',
        { batchId: batch.batchId, format: batch.format, x12: batch.content },
        signal,
      );
      return { reference: uploadId };
    },

    async fetchResponses(signal: AbortSignal): Promise<InboundFile[]> {
      const { files } = await call<{ files: Array<{ id: string; name: string; x12: string }> }>(
        'GET',
        '/v1/responses',
        undefined,
        signal,
      );
      // revcycle acknowledges by name; Acme's id is carried in the name so acknowledgeResponse can find it.
      return files.map((f) => ({ name: `${f.id}/${f.name}`, content: f.x12 }));
    },

    async acknowledgeResponse(file: InboundFile, outcome: { ok: true } | { ok: false; failure: string }) {
      const id = file.name.split('/')[0]!;
      await call(
        'POST',
        `/v1/responses/${encodeURIComponent(id)}/ack`,
        outcome.ok ? { ok: true } : { ok: false, failure: outcome.failure },
      );
    },

    async checkEligibility(request270: string, signal: AbortSignal) {
      return (await call<{ x12: string }>('POST', '/v1/eligibility', { x12: request270 }, signal)).x12;
    },

    async checkClaimStatus(request276: string, signal: AbortSignal) {
      return (await call<{ x12: string }>('POST', '/v1/claim-status', { x12: request276 }, signal)).x12;
    },
  };
  return definePayerConnector(spec);
}
