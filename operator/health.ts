import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthProbes {
  /** Liveness: false makes /healthz answer 503 (and the kubelet restart the container). */
  healthy: () => boolean;
  /** Readiness: false makes /readyz answer 503. */
  ready: () => boolean;
}

/** A Prometheus registry (prom-client's `Registry`): the exposition text and its content type. */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/** A running health endpoint. */
export interface HealthServer {
  /** The port it listens on (the ephemeral one when 0 was asked). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `/healthz` and `/readyz` for the kubelet's probes (200 `ok` or 503 with the reason),
 * `/metrics` from `metrics` when given (Prometheus text format), and 404 for anything else.
 *
 * @example
 * const health = await startHealthServer({ port: 8081, probes: { healthy: () => op.healthy, ready: () => op.ready } });
 * @throws RangeError for a port outside [0, 65535].
 */
export async function startHealthServer(options: { port: number; host?: string; probes: HealthProbes; metrics?: MetricsSource }): Promise<HealthServer> {
  const { port, probes, metrics } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`health port must be an integer in [0, 65535], got ${port}`);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/metrics' && metrics !== undefined) {
      metrics.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
      );
      return;
    }
    const probe = path === '/healthz' ? probes.healthy : path === '/readyz' ? probes.ready : undefined;
    if (probe === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const ok = probe();
    res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok\n' : `${path === '/healthz' ? 'not running' : 'caches not synced'}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '0.0.0.0', () => {
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
