import { Agent } from 'node:http';
import { Socket } from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';

/** Refuses every connection: what watches started after `close()` get, so they fail and stop. */
class ClosedAgent extends Agent {
  override createConnection(): Socket {
    const socket = new Socket();
    process.nextTick(() => socket.destroy(new Error('the watches of this client were closed')));
    return socket;
  }
}

/**
 * A view of `kubeConfig` whose watch connections can all be cut at once (the dashboard's
 * `weft ui --kube` on quit, the operator on SIGTERM).
 *
 * Why: client-node 1.4's `ListWatch.stop()` aborts only a watch whose request has already
 * answered; a watch still connecting when the informer stops (or one its list, already in
 * flight, goes on to start) stays open until the server ends it, which keeps the process alive
 * after it should have exited. Its `Watch` takes a fresh agent from `applyToFetchOptions` for every
 * watch; this view records those agents so `close()` can destroy their sockets, and hands out an
 * agent that refuses to connect after that, so such a late watch fails at once (the informer,
 * stopped, does not restart it). List calls do not use this path and finish on their own.
 */
export function closableKubeConfig(kubeConfig: KubeConfig): { kubeConfig: KubeConfig; close: () => void } {
  const agents = new Set<{ destroy: () => void }>();
  let closed = false;
  const view = Object.create(kubeConfig) as KubeConfig;
  // The original method, run with `this` = the view (which reads everything else from kubeConfig).
  const apply = kubeConfig.applyToFetchOptions.bind(view);
  view.applyToFetchOptions = async (options) => {
    const init = await apply(options);
    if (closed) return { ...init, agent: new ClosedAgent() };
    const agent = init.agent as { destroy?: () => void } | undefined;
    if (agent?.destroy !== undefined) agents.add(agent as { destroy: () => void });
    return init;
  };
  return {
    kubeConfig: view,
    close: () => {
      closed = true;
      for (const agent of agents) agent.destroy();
      agents.clear();
    },
  };
}
