import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { badInput } from '../core/errors.js';

/** The kubeconfig a command talks to (`weft operator`, `weft ui --kube`, `weft plan --on-kubernetes`), and how headers name it. */
export interface LoadedKubeConfig {
  kubeConfig: KubeConfig;
  /** Context in use (`--context`, else the file's current-context). */
  context: string;
  /** API server URL of that context's cluster. */
  server: string;
}

/**
 * The kubeconfig the flags ask for: the pod's service account with `inCluster`, else `file`
 * (else `$KUBECONFIG` or `~/.kube/config`, as kubectl), switched to `context` when given.
 * Every failure is one BAD_INPUT naming the flag.
 */
export function loadKubeConfigFor(options: { file?: string; context?: string; inCluster?: boolean }): LoadedKubeConfig {
  const kc = new KubeConfig();
  const { file, context } = options;
  if (options.inCluster === true) {
    if (file !== undefined) throw badInput('conflicting flags', { field: '--in-cluster', value: file, expected: 'either --in-cluster or --kubeconfig, not both' });
    if (process.env.KUBERNETES_SERVICE_HOST === undefined) {
      throw badInput('not running inside a cluster', { field: '--in-cluster', value: 'KUBERNETES_SERVICE_HOST unset', expected: 'a pod with a service account, or --kubeconfig' });
    }
    kc.loadFromCluster();
  } else if (file !== undefined) {
    if (!existsSync(file)) throw badInput('kubeconfig not found', { field: '--kubeconfig', value: file, expected: 'a readable kubeconfig file' });
    try {
      kc.loadFromFile(file);
    } catch (error) {
      throw badInput('kubeconfig does not parse', { field: '--kubeconfig', value: file, expected: 'a kubeconfig YAML file', cause: error });
    }
  } else {
    try {
      kc.loadFromDefault();
    } catch (error) {
      throw badInput('kubeconfig does not parse', { field: 'kubeconfig', value: process.env.KUBECONFIG ?? '~/.kube/config', expected: 'a kubeconfig YAML file', cause: error });
    }
  }
  if (context !== undefined) {
    if (kc.getContextObject(context) === null) {
      throw badInput('no such context in the kubeconfig', { field: '--context', value: context, expected: `one of: ${kc.getContexts().map((c) => c.name).join(', ') || '(none)'}` });
    }
    kc.setCurrentContext(context);
  }
  const cluster = kc.getCurrentCluster();
  if (cluster === null) {
    throw badInput('kubeconfig has no current cluster', { field: file === undefined ? 'kubeconfig' : '--kubeconfig', value: kc.getCurrentContext(), expected: 'a current-context naming a cluster' });
  }
  return { kubeConfig: kc, context: kc.getCurrentContext(), server: cluster.server };
}
