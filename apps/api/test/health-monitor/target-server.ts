import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a path answers: fast 200, slow 200, 503, X's 401, or a Statuspage summary with an indicator. */
export type TargetMode =
  | { kind: 'ok' }
  | { kind: 'slow'; ms: number }
  | { kind: 'down' }
  | { kind: 'unauthorized' }
  | { kind: 'statuspage'; indicator: string };

/** A local HTTP target whose answer per path the test sets, counting requests and recording their headers. */
export class TargetServer {
  readonly modes = new Map<string, TargetMode>();
  readonly hits = new Map<string, number>();
  readonly headers = new Map<string, Record<string, string | string[] | undefined>>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      this.headers.set(path, req.headers);
      const mode = this.modes.get(path) ?? { kind: 'statuspage', indicator: 'none' };
      const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      if (mode.kind === 'ok') send(200, '{"ok":true}');
      else if (mode.kind === 'down') send(503, '{"error":"unavailable"}');
      else if (mode.kind === 'unauthorized') send(401, '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}');
      else if (mode.kind === 'slow') setTimeout(() => send(200, '{"ok":true}'), mode.ms);
      else
        send(
          200,
          JSON.stringify({
            page: { id: 'p1', name: 'Local status' },
            status: { indicator: mode.indicator, description: mode.indicator === 'none' ? 'All Systems Operational' : 'Trouble' },
            components: [{ name: 'API', status: 'operational' }],
          }),
        );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
