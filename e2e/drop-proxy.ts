import net from 'node:net';

/**
 * A TCP proxy in front of the test server whose connection the test can cut: `drop()` closes every
 * open connection and refuses new ones until `restore()`, as a lost Wi-Fi or a closed laptop does
 * (the browser still believes it is online, unlike DevTools' offline mode).
 */
export class DropProxy {
  private readonly sockets = new Set<net.Socket>();
  private down = false;
  private readonly server: net.Server;

  private constructor(targetPort: number) {
    this.server = net.createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  static async start(targetUrl: string): Promise<{ proxy: DropProxy; baseUrl: string }> {
    const proxy = new DropProxy(Number(new URL(targetUrl).port));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { proxy, baseUrl: `http://127.0.0.1:${port}` };
  }

  drop(): void {
    this.down = true;
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
