import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callConnector } from '@revcycle/core';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { opensshAvailable, startOpenSsh } from '@revcycle/testkit/openssh-server';
import type { OpenSshServer } from '@revcycle/testkit/openssh-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sftpPayer } from '../src/index.ts';
import type { SftpPayerOptions } from '../src/index.ts';
import { serverAccount } from './server-account.ts';

// Eligibility (270) and claim status (276) inquiries as files through a real OpenSSH server: the connector uploads
// the request and waits for the answer that echoes its trace number. The clearinghouse here is a loop that answers
// each request file with the sandbox payer's 271 or 277, dropped in the inbound folder.

let server: OpenSshServer;
beforeAll(async () => {
  if (opensshAvailable) server = await startOpenSsh();
});
afterAll(() => server?.stop());

const sandbox = sandboxPayer();

/** Outbound and inbound folders, a connector with inquiries, and a clearinghouse answering after `delayMs`. */
function account(options: { answer?: boolean; delayMs?: number } & Partial<SftpPayerOptions> = {}) {
  const { answer = true, delayMs = 300, ...overrides } = options;
  const { outbound, inbound, options: login } = serverAccount(server, 'inquiries');
  const connector = sftpPayer({
    ...login,
    settleMs: 200,
    inquiries: { transactions: ['270', '276'], waitMs: 8_000, pollMs: 250 },
    ...overrides,
  });
  const answered = new Set<string>();
  const clearinghouse = setInterval(() => {
    if (!answer) return;
    for (const name of readdirSync(outbound).filter((n) => /\.(270|276)\.x12$/.test(n) && !answered.has(n))) {
      answered.add(name);
      const request = readFileSync(join(outbound, name), 'latin1');
      setTimeout(async () => {
        const reply = name.endsWith('.270.x12')
          ? await sandbox.checkEligibility!(request, new AbortController().signal)
          : await sandbox.checkClaimStatus!(request, new AbortController().signal);
        writeFileSync(join(inbound, `${name}.${name.endsWith('.270.x12') ? '271' : '277'}`), reply, 'latin1');
      }, delayMs);
    }
  }, 100);
  return {
    connector,
    outbound,
    inbound,
    close: () => {
      clearInterval(clearinghouse);
      connector.close();
    },
  };
}

if (opensshAvailable)
  runPayerConnectorContract('sftp (270/276 as files)', async () => {
    const a = account();
    return {
      connector: a.connector,
      deliveries: async () => readdirSync(a.outbound).filter((n) => n.endsWith('.837p.x12')).length,
      deliverResponse: async (name, content) => writeFileSync(join(a.inbound, name), content, 'latin1'),
      cleanup: async () => a.close(),
    };
  });

/** A 270 asking about one member under this trace number. */
function request270(trace: string, icn = '000000901'): string {
  return [
    `ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260914*1000*^*00501*${icn}*0*T*:`,
    'GS*HS*SUBMITTER*RECEIVER*20260914*1000*901*X*005010X279A1',
    'ST*270*0001*005010X279A1',
    'BHT*0022*13*901*20260914*1000',
    'HL*1**20*1',
    'NM1*PR*2*SANDBOX HEALTH*****PI*60054',
    'HL*2*1*21*1',
    'NM1*1P*2*RIVERBEND FAMILY MEDICINE*****XX*1324567894',
    'HL*3*2*22*0',
    `TRN*1*${trace}*1741234567`,
    'NM1*IL*1*DOE*JANE****MI*W123456789',
    'DTP*291*D8*20260914',
    'EQ*30',
    'SE*13*0001',
    'GE*1*901',
    `IEA*1*${icn}`,
  ]
    .join('~')
    .concat('~');
}

describe.skipIf(!opensshAvailable)('inquiries as files over SFTP', () => {
  it('leaves an answer to someone else’s trace, and a young answer, out of polling; takes its own', async () => {
    const a = account({ delayMs: 1_500 });
    try {
      // Another request's answer already waits in the inbound folder.
      const other = await sandbox.checkEligibility!(request270('OTHER-1', '000000900'), new AbortController().signal);
      writeFileSync(join(a.inbound, 'other.271'), other, 'latin1');
      const asking = callConnector('sftp', (signal) => a.connector.checkEligibility!(request270('MINE-1'), signal), {
        timeoutMs: a.connector.realTimeTimeoutMs!,
        retries: 0,
      });
      // Polling meanwhile takes neither answer: an inquiry may still be waiting for each.
      expect(await a.connector.fetchResponses!(new AbortController().signal)).toEqual([]);
      const answer = await asking;
      expect(answer).toContain('TRN*2*MINE-1*');
      expect(readdirSync(join(a.inbound, 'archive'))).toEqual(['000000901-MINE-1.270.x12.271']);
      expect(readdirSync(a.inbound).filter((n) => n.endsWith('.271'))).toEqual(['other.271']);
      // Once nobody can be waiting for it (older than waitMs), polling hands it on like any file.
      const old = new Date(Date.now() - 60_000);
      utimesSync(join(a.inbound, 'other.271'), old, old);
      const polled = await a.connector.fetchResponses!(new AbortController().signal);
      expect(polled.map((f) => f.name)).toEqual(['other.271']);
    } finally {
      a.close();
    }
  });

  it('gives up after waitMs with an error naming the trace, not retried (a second upload would ask again)', async () => {
    const a = account({ answer: false, inquiries: { transactions: ['270'], waitMs: 1_000, pollMs: 200 } });
    try {
      const started = Date.now();
      const failure = await a.connector.checkEligibility!(request270('LOST-1'), new AbortController().signal).catch(
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ message: 'no 271 for trace LOST-1 within 1000 ms', retryable: false });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(readdirSync(a.outbound)).toEqual(['000000901-LOST-1.270.x12']);
      expect(a.connector.checkClaimStatus).toBeUndefined();
      expect(a.connector.capabilities).toEqual(['submit', 'responses', 'eligibility']);
    } finally {
      a.close();
    }
  });

  it('refuses an inquiry transaction it does not know', () => {
    expect(() => account({ inquiries: { transactions: ['999' as '270'] } })).toThrow(/inquiries.transactions/);
  });
});
