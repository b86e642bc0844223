import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenSshServer } from '@revcycle/testkit/openssh-server';
import type { SftpPayerOptions } from '../src/index.ts';

let folder = 0;

/** Fresh outbound and inbound folders on the test server, and the options of a connector logging in to them. */
export function serverAccount(server: OpenSshServer, prefix: string) {
  const root = join(server.root, `${prefix}-${++folder}`);
  const outbound = join(root, 'to-clearinghouse');
  const inbound = join(root, 'from-clearinghouse');
  mkdirSync(outbound, { recursive: true });
  mkdirSync(inbound, { recursive: true });
  const options: SftpPayerOptions = {
    host: '127.0.0.1',
    port: server.port,
    username: server.username,
    privateKey: server.privateKey,
    hostKeyFingerprint: server.fingerprint,
    outbound,
    inbound,
  };
  return { outbound, inbound, options };
}
