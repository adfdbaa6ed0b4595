/**
 * API requests are bounded: a request the server holds past the timeout rejects (the work queue
 * then retries it) instead of hanging its reconcile; a slow but answered one under the bound
 * succeeds; the bound is checked at construction.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../test/kube-apiserver/server.js';
import { KubeClient } from './client.js';
import { withRequestTimeout } from './request-timeout.js';

describe('API request timeout', () => {
  let api: KubeApiServer | undefined;
  const clients: KubeClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.close();
    clients.length = 0;
    await api?.stop();
    api = undefined;
  });

  async function client(requestTimeoutMs?: number): Promise<{ server: KubeApiServer; client: KubeClient }> {
    const server = api ?? (await KubeApiServer.start());
    api = server;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(server.kubeconfig());
    const c = new KubeClient(kubeConfig, requestTimeoutMs === undefined ? {} : { requestTimeoutMs });
    clients.push(c);
    return { server, client: c };
  }

  it('rejects a request held past the bound, and works again once the server answers', async () => {
    const { server, client: c } = await client(300);
    // The server holds node lists for 5 s (a stalled API server, as far as the client can tell).
    server.faults.delay(5_000, (r) => r.resource === 'nodes');
    // Aborted by the client: without the bound the held list would be answered after 5 s.
    await expect(c.listNodes()).rejects.toThrow(/abort/i);
    // Other requests were never held.
    await expect(c.listPods()).resolves.toMatchObject({ items: [] });
    server.faults.clear();
    await expect(c.listNodes()).resolves.toMatchObject({ items: [] });
  });

  it('lets a slow request under the bound finish', async () => {
    const { server, client: c } = await client(2_000);
    server.faults.delay(400, (r) => r.resource === 'nodes');
    await expect(c.listNodes()).resolves.toMatchObject({ items: [] });
  });

  it('refuses a bound that is not a positive number of ms, quoting it', () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString('apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: x\n');
    expect(() => withRequestTimeout(kubeConfig, 0)).toThrow(/positive number of ms, got 0/);
    expect(() => new KubeClient(kubeConfig, { requestTimeoutMs: Number.NaN })).toThrow(/got NaN/);
  });
});
