import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Debian's OpenSSH server (package openssh-server; `.ci/run` installs it). */
const SSHD = '/usr/sbin/sshd';

/**
 * Whether tests that need OpenSSH run: where sshd is installed, and always under REQUIRE_SSHD=1 (CI sets it, so a
 * missing sshd fails there instead of skipping). Elsewhere they are skipped, so `npm test` works on a fresh machine.
 */
export const opensshAvailable = existsSync(SSHD) || process.env.REQUIRE_SSHD === '1';

export interface OpenSshServer {
  port: number;
  username: string;
  /** The user's private key (OpenSSH format). */
  privateKey: string;
  /** The host key's fingerprint as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** The folder the server's SFTP paths are in (absolute paths: the test's temporary folder). */
  root: string;
  /** Gives the server a new host key and restarts it on the same port. */
  changeHostKey(): Promise<void>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
const fingerprintOf = (publicKey: string) =>
  execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKey], { encoding: 'utf8' }).split(' ')[1]!;

async function listening(port: number, sshd: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (sshd.exitCode !== null) throw new Error(`sshd exited with ${sshd.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('sshd did not listen');
}

/**
 * A real OpenSSH server on a free loopback port, for this test only: generated host and user keys in a temporary
 * folder, public-key login for the current user, the internal SFTP server, nothing else.
 */
export async function startOpenSsh(): Promise<OpenSshServer> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: apt-get install openssh-server`);
  // sshd refuses to start as root without its privilege-separation folder.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const root = mkdtempSync(join(tmpdir(), 'revcycle-sftp-'));
  const keys = join(root, 'keys');
  mkdirSync(keys);
  keygen(join(keys, 'user'));
  writeFileSync(join(keys, 'authorized_keys'), readFileSync(join(keys, 'user.pub')));
  const port = await freePort();
  let hostKey = 0;
  let sshd: ChildProcess | undefined;
  const terminate = async () => {
    if (!sshd || sshd.exitCode !== null) return;
    const exited = new Promise((resolve) => sshd!.once('exit', resolve));
    sshd.kill('SIGTERM');
    await exited;
  };
  const server: OpenSshServer = {
    port,
    username: userInfo().username,
    privateKey: readFileSync(join(keys, 'user'), 'utf8'),
    fingerprint: '',
    root,
    async changeHostKey() {
      await terminate();
      await start();
    },
    async stop() {
      await terminate();
      rmSync(root, { recursive: true, force: true });
    },
  };
  async function start() {
    const key = join(keys, `host-${++hostKey}`);
    keygen(key);
    server.fingerprint = fingerprintOf(`${key}.pub`);
    const config = join(keys, 'sshd_config');
    writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${key}`,
        `PidFile ${join(keys, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(keys, 'authorized_keys')}`,
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'Subsystem sftp internal-sftp',
        'LogLevel ERROR',
      ].join('\n'),
    );
    sshd = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'inherit'] });
    await listening(port, sshd);
  }
  await start();
  return server;
}
