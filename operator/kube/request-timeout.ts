import type { KubeConfig } from '@kubernetes/client-node';

/** Default bound on one API request (list, create, update, bind, ...), as a serious client sets one. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A view of `kubeConfig` whose API requests abort after `timeoutMs`. Without a bound, a request
 * to an API server that accepted the connection and then went silent (a dead peer with no RST,
 * a stuck load balancer) waits for TCP keep-alive to notice, minutes; the work queue runs a key
 * once at a time, so that one hung call would freeze its object's reconciles until then. With
 * it the call rejects, and the queue retries the key with back-off. Watches do not go through
 * this path: they are long-lived by design (see `closableKubeConfig`).
 *
 * @example
 * const timed = withRequestTimeout(kc, 10_000);
 * const core = timed.makeApiClient(CoreV1Api); // every call aborts after 10 s
 */
export function withRequestTimeout(kubeConfig: KubeConfig, timeoutMs: number): KubeConfig {
  if (!(timeoutMs > 0 && timeoutMs < Infinity)) throw new RangeError(`request timeout must be a positive number of ms, got ${String(timeoutMs)}`);
  const view = Object.create(kubeConfig) as KubeConfig;
  // The wrapped method, run with `this` = the view (which reads everything else from kubeConfig).
  const apply = kubeConfig.applySecurityAuthentication.bind(view);
  view.applySecurityAuthentication = async (context) => {
    await apply(context);
    context.setSignal(AbortSignal.timeout(timeoutMs));
  };
  return view;
}
