import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Idle time after which a kept connection is closed on this side. Below the 5 s idle timeout
 * of a Node.js HTTP server (the test server's) and far below kube-apiserver's, so a request is
 * never written to a connection the server is closing at the same moment.
 */
export const KEEP_ALIVE_IDLE_MS = 4000;

/** The TLS identity fields of an agent: two agents with equal fields may share connections. */
const TLS_FIELDS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return false;
}

function sameTls(a: HttpsAgentOptions, b: HttpsAgentOptions): boolean {
  return TLS_FIELDS.every((f) => sameValue(a[f], b[f]));
}

/**
 * A view of `kubeConfig` whose API calls share one keep-alive agent, as client-go shares one
 * transport: client-node 1.4 builds a new agent for every request (`applySecurityAuthentication`
 * -> `createAgent`), so each request opened (and for https, negotiated) a new connection and
 * closed it. This view keeps the agent's options (CA, client certificate, server name) and
 * swaps in a pooled agent with `keepAlive`; when the options change (an exec plugin rotating a
 * client certificate, say) a new pooled agent takes over and the old one's idle connections
 * close on their idle timeout. Proxy agents (a `proxy-url` in the kubeconfig) are left as
 * client-node makes them. Watches do not go through this path (see `closableKubeConfig`).
 *
 * @example
 * const { kubeConfig: pooled, close } = keepAliveKubeConfig(kc);
 * const core = pooled.makeApiClient(CoreV1Api); // every call reuses connections
 * close(); // on shutdown
 */
export function keepAliveKubeConfig(kubeConfig: KubeConfig): { kubeConfig: KubeConfig; close: () => void } {
  const view = Object.create(kubeConfig) as KubeConfig;
  // The original method, run with `this` = the view (which reads everything else from kubeConfig).
  const apply = kubeConfig.applySecurityAuthentication.bind(view);
  let pooled: { agent: HttpAgent; options: HttpsAgentOptions } | undefined;
  view.applySecurityAuthentication = async (context) => {
    await apply(context);
    const fresh = context.getAgent();
    if (fresh === undefined || (fresh.constructor !== HttpAgent && fresh.constructor !== HttpsAgent)) return;
    // Node's Agent keeps its constructor options; no typing exposes them on http.Agent.
    const options = (fresh as unknown as { options: HttpsAgentOptions }).options;
    if (pooled === undefined || pooled.agent.constructor !== fresh.constructor || !sameTls(pooled.options, options)) {
      const keepAlive: HttpsAgentOptions & AgentOptions = { ...options, keepAlive: true, timeout: KEEP_ALIVE_IDLE_MS };
      pooled = { agent: fresh instanceof HttpsAgent ? new HttpsAgent(keepAlive) : new HttpAgent(keepAlive), options };
    }
    context.setAgent(pooled.agent);
    fresh.destroy(); // never used: it holds no connection
  };
  return {
    kubeConfig: view,
    close: () => {
      pooled?.agent.destroy();
      pooled = undefined;
    },
  };
}
