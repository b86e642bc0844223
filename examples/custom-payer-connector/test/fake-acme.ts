import { sandboxPayer } from '@revcycle/payer-sandbox';

/**
 * A fake of Acme's HTTP API as a `fetch`: real Request/Response objects, the same routes, status codes and
 * idempotency as the real service. The X12 answers come from the sandbox payer, so they are real 999/277CA/271/277.
 */
export function fakeAcme(apiKey: string) {
  const payer = sandboxPayer({ remittances: false });
  const uploads = new Map<string, string>();
  const inbox = new Map<string, { id: string; name: string; x12: string }>();
  let next = 0;
  let failNext = 0;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`) return json({ error: 'bad key' }, 401);
    if (failNext > 0) {
      failNext--;
      return json({ error: 'maintenance' }, 503);
    }
    const { pathname } = new URL(request.url);
    const signal = new AbortController().signal;
    if (request.method === 'POST' && pathname === '/v1/batches') {
      const body = (await request.json()) as { batchId: string; x12: string; format: '837P' | '837I' };
      if (!uploads.has(body.batchId)) {
        uploads.set(body.batchId, `UP-${++next}`);
        await payer.submit!(
          {
            batchId: body.batchId,
            organizationId: 'acme',
            interchangeControlNumber: '1',
            format: body.format,
            content: body.x12,
            claimCount: 1,
          },
          signal,
        );
        for (const f of await payer.fetchResponses!(signal)) {
          inbox.set(`R${++next}`, { id: `R${next}`, name: f.name, x12: f.content });
          await payer.acknowledgeResponse!(f, { ok: true });
        }
      }
      return json({ uploadId: uploads.get(body.batchId) });
    }
    if (request.method === 'GET' && pathname === '/v1/responses') return json({ files: [...inbox.values()] });
    const ack = /^\/v1\/responses\/([^/]+)\/ack$/.exec(pathname);
    if (request.method === 'POST' && ack) {
      if (!inbox.delete(decodeURIComponent(ack[1]!))) return json({ error: 'no such file' }, 404);
      return new Response(null, { status: 204 });
    }
    if (request.method === 'POST' && pathname === '/v1/eligibility')
      return json({ x12: await payer.checkEligibility!(((await request.json()) as { x12: string }).x12, signal) });
    if (request.method === 'POST' && pathname === '/v1/claim-status')
      return json({ x12: await payer.checkClaimStatus!(((await request.json()) as { x12: string }).x12, signal) });
    return json({ error: 'not found' }, 404);
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    deliveries: () => uploads.size,
    deliver(name: string, x12: string) {
      inbox.set(`R${++next}`, { id: `R${next}`, name, x12 });
    },
    failNextRequests(n: number) {
      failNext = n;
    },
  };
}
