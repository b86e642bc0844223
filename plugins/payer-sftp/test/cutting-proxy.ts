import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A TCP proxy in front of the SSH server that drops the first connection once the client has sent `cutAfterBytes`
 * (mid-upload, for a large enough file); later connections pass untouched. Stands in for a network that fails.
 */
export async function cuttingProxy(targetPort: number, cutAfterBytes: number) {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const first = ++connections === 1;
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (first && sent > cutAfterBytes) {
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
