import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, callConnector } from '@revcycle/core';
import type { OutboundBatch } from '@revcycle/core';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { opensshAvailable, startOpenSsh } from '@revcycle/testkit/openssh-server';
import type { OpenSshServer } from '@revcycle/testkit/openssh-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sftpPayer } from '../src/index.ts';
import type { SftpPayerOptions } from '../src/index.ts';
import { cuttingProxy } from './cutting-proxy.ts';
import { serverAccount } from './server-account.ts';

// The SFTP connector against a real OpenSSH server (Debian's sshd, started by the test on a loopback port with
// keys generated in a temporary folder): the contract every connector passes, a pinned host key, a connection
// dropped mid-upload, a file still being written while polled, two instances polling one server.

let server: OpenSshServer;
beforeAll(async () => {
  if (opensshAvailable) server = await startOpenSsh();
});
afterAll(() => server?.stop());

const signal = () => new AbortController().signal;

/** Fresh outbound and inbound folders on the server, and a connector for them. */
function account(overrides: Partial<SftpPayerOptions> = {}) {
  const { outbound, inbound, options } = serverAccount(server, 'account');
  const connector = sftpPayer({ ...options, settleMs: 300, ...overrides });
  const visible = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.'));
  return { connector, outbound, inbound, visible };
}

const batch = (content: string, batchId = 'b1'): OutboundBatch => ({
  batchId,
  organizationId: 'org1',
  interchangeControlNumber: '000000042',
  format: '837P',
  content,
  claimCount: 1,
});

if (opensshAvailable)
  runPayerConnectorContract('sftp', async () => {
    const a = account();
    return {
      connector: a.connector,
      deliveries: async () => a.visible(a.outbound).length,
      deliverResponse: async (name, content) => writeFileSync(join(a.inbound, name), content, 'latin1'),
      cleanup: async () => a.connector.close(),
    };
  });

describe.skipIf(!opensshAvailable)('sftpPayer against OpenSSH', () => {
  it('refuses bad options at boot, naming the option', () => {
    const base = { host: 'h', username: 'u', privateKey: 'k', outbound: '/o', inbound: '/i' };
    expect(() => sftpPayer({ ...base, hostKeyFingerprint: '' })).toThrow(ConfigError);
    expect(() => sftpPayer({ ...base, hostKeyFingerprint: 'MD5:aa' })).toThrow(/hostKeyFingerprint/);
    expect(() => sftpPayer({ ...base, privateKey: undefined, hostKeyFingerprint: server.fingerprint })).toThrow(
      /privateKey/,
    );
  });

  it('uploads under a temporary name, renames, and finds its own upload when the batch is sent again', async () => {
    const a = account();
    const receipt = await a.connector.submit!(batch('ISA*FIRST~'), signal());
    expect(receipt.reference).toBe('000000042-b1.837p.x12');
    expect(readdirSync(a.outbound)).toEqual(['000000042-b1.837p.x12']);
    expect(await a.connector.submit!(batch('ISA*FIRST~'), signal())).toEqual(receipt);
    await expect(a.connector.submit!(batch('ISA*OTHER~'), signal())).rejects.toMatchObject({
      code: 'CONNECTOR_ERROR',
      retryable: false,
      message: expect.stringContaining('already exists with other content'),
    });
    a.connector.close();
  });

  it('refuses a server whose host key is not the pinned one, before any file moves', async () => {
    const wrong = account({ hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` });
    await expect(wrong.connector.submit!(batch('ISA*X~'), signal())).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining(`presented host key ${server.fingerprint}, not the pinned SHA256:AAAA`),
    });
    const pinned = account();
    await pinned.connector.submit!(batch('ISA*BEFORE~', 'before'), signal());
    pinned.connector.close();
    const old = server.fingerprint;
    await server.changeHostKey();
    await expect(pinned.connector.submit!(batch('ISA*AFTER~', 'after'), signal())).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining(`not the pinned ${old}`),
    });
    expect(wrong.visible(wrong.outbound)).toEqual([]);
    expect(pinned.visible(pinned.outbound)).toEqual(['000000042-before.837p.x12']);
  });

  it('leaves nothing half-visible when the connection drops mid-upload, and the retry delivers once', async () => {
    const proxy = await cuttingProxy(server.port, 150_000);
    const a = account({ port: proxy.port });
    // About 400 kB of 837: the first connection is cut after 150 kB have left the client.
    const content = `ISA*${'CLM*PCN*100~'.repeat(34_000)}`;
    const delivered = callConnector('sftp', (s) => a.connector.submit!(batch(content), s), {
      retries: 2,
      backoffMs: 50,
      timeoutMs: 20_000,
    });
    await expect(delivered).resolves.toEqual({ reference: '000000042-b1.837p.x12' });
    expect(proxy.connections()).toBe(2);
    expect(readdirSync(a.outbound)).toEqual(['000000042-b1.837p.x12']);
    expect(readFileSync(join(a.outbound, '000000042-b1.837p.x12'), 'latin1')).toBe(content);
    a.connector.close();
    await proxy.close();
  });

  it('does not read an inbound file while it is still being written, and reads it once complete', async () => {
    const a = account();
    const path = join(a.inbound, 'era-0001.835');
    writeFileSync(path, 'ISA*00*');
    // The clearinghouse is still writing: a segment arrives every 40 ms for as long as the first poll lasts.
    let segments = 0;
    const growing = setInterval(() => appendFileSync(path, `SEG*${++segments}~`), 40);
    try {
      expect(await a.connector.fetchResponses!(signal())).toEqual([]);
    } finally {
      clearInterval(growing);
    }
    const whole = readFileSync(path, 'latin1');
    expect(whole).toMatch(/^ISA\*00\*(SEG\*\d+~){5,}$/);
    expect(await a.connector.fetchResponses!(signal())).toEqual([{ name: 'era-0001.835', content: whole }]);
    a.connector.close();
  });

  it('fetches only the configured transactions, and parks a file it could not use with the reason', async () => {
    const a = account({ inboundNames: { '835': ['*.835'], '999': ['*.999'] } });
    for (const name of ['a.835', 'b.999', 'report.txt', '.hidden.835', 'c.835.part'])
      writeFileSync(join(a.inbound, name), `content of ${name}`);
    const files = await a.connector.fetchResponses!(signal());
    expect(files.map((f) => f.name).sort()).toEqual(['a.835', 'b.999']);
    await a.connector.acknowledgeResponse!(files.find((f) => f.name === 'a.835')!, { ok: true });
    await a.connector.acknowledgeResponse!(files.find((f) => f.name === 'b.999')!, {
      ok: false,
      failure: 'no batch with group control number 7',
    });
    expect(readdirSync(join(a.inbound, 'archive'))).toEqual(['a.835']);
    expect(readFileSync(join(a.inbound, 'failed', 'b.999.reason.txt'), 'utf8')).toBe(
      'no batch with group control number 7\n',
    );
    expect(a.visible(a.inbound).sort()).toEqual(['archive', 'c.835.part', 'failed', 'report.txt']);
    a.connector.close();
  });

  it('with two instances polling one server, each file is archived once and neither fails', async () => {
    const first = account();
    const second = sftpPayer({
      host: '127.0.0.1',
      port: server.port,
      username: server.username,
      privateKey: server.privateKey,
      hostKeyFingerprint: server.fingerprint,
      outbound: first.outbound,
      inbound: first.inbound,
      settleMs: 300,
      archive: join(first.inbound, 'archive'),
    });
    for (let i = 1; i <= 5; i++) writeFileSync(join(first.inbound, `era-${i}.835`), `ISA*${i}~`);
    const poll = async (connector: typeof second) => {
      const files = await connector.fetchResponses!(signal());
      for (const file of files) await connector.acknowledgeResponse!(file, { ok: true });
      return files.length;
    };
    const [a, b] = await Promise.all([poll(first.connector), poll(second)]);
    expect(a + b).toBeGreaterThanOrEqual(5);
    expect(readdirSync(join(first.inbound, 'archive')).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `era-${i}.835`));
    expect(first.visible(first.inbound)).toEqual(['archive']);
    // Handled files are not handed over again by either instance.
    expect(await first.connector.fetchResponses!(signal())).toEqual([]);
    expect(await second.fetchResponses!(signal())).toEqual([]);
    first.connector.close();
    second.close();
  });
});
