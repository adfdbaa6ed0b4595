/**
 * API calls share kept connections: client-node alone opens one per request; `KubeClient`
 * (through `keepAliveKubeConfig`) reuses one for sequential calls, and closes it on `close()`.
 */
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeApiServer } from '../../test/kube-apiserver/server.js';
import { KubeClient } from './client.js';

describe('keep-alive API connections', () => {
  let api: KubeApiServer | undefined;
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  async function start(): Promise<{ server: KubeApiServer; kubeConfig: KubeConfig }> {
    const server = await KubeApiServer.start();
    api = server;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(server.kubeconfig());
    return { server, kubeConfig };
  }

  it('client-node alone opens a connection per request', async () => {
    const { server, kubeConfig } = await start();
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const before = server.connectionsAccepted;
    for (let i = 0; i < 10; i++) await core.listNode();
    expect(server.connectionsAccepted - before).toBe(10);
  });

  it('KubeClient reuses one connection for sequential calls of every API group', async () => {
    const { server, kubeConfig } = await start();
    const client = new KubeClient(kubeConfig);
    const before = server.connectionsAccepted;
    for (let i = 0; i < 5; i++) {
      await client.listNodes();
      await client.listPods();
      await client.listModelDeployments().catch(() => undefined); // no CRD installed: 404, same connection
    }
    expect(server.connectionsAccepted - before).toBe(1);
    client.close();
    await client.listNodes();
    expect(server.connectionsAccepted - before).toBe(2);
    client.close();
  });
});
