import net from 'node:net';

/**
 * A TCP link to a service (Redis, PostgreSQL) that a test can cut or freeze, so an outage is an
 * outage from the app's side without touching the machine's own service:
 * - `down()`: every connection reset, new ones refused (a service that is gone);
 * - `freeze()`: connections stay open and new ones are accepted, but nothing is forwarded either
 *   way (a service that hangs, as under SIGSTOP); `thaw()` forwards again, what was held included.
 */
export class TcpLink {
  private server: net.Server | null = null;
  private pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private frozen = false;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      const pair = { client, upstream };
      this.pairs.add(pair);
      for (const s of [client, upstream]) s.on('error', () => undefined);
      client.on('close', () => {
        upstream.destroy();
        this.pairs.delete(pair);
      });
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
      if (this.frozen) this.hold(pair);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await closed;
    this.server = null;
  }

  freeze(): void {
    this.frozen = true;
    for (const pair of this.pairs) this.hold(pair);
  }

  thaw(): void {
    this.frozen = false;
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pipe(upstream).pipe(client);
      client.resume();
      upstream.resume();
    }
  }

  private hold({ client, upstream }: { client: net.Socket; upstream: net.Socket }) {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  }
}
