import { makeInformer, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { backoff, type BackoffOptions } from './backoff.js';
import type { WireList } from './kube/client.js';
import type { ObjectMeta } from './kube/objects.js';

export type InformerEvent = 'add' | 'update' | 'delete';

export interface InformerOptions<T> {
  kubeConfig: KubeConfig;
  /** Collection path to watch, for example `/api/v1/nodes` or `/apis/weft.dev/v1alpha1/modeldeployments`. */
  path: string;
  /** The matching list call (same resource, same selector). */
  list: () => Promise<WireList<T>>;
  labelSelector?: string;
  /** Delays between restarts after errors. */
  backoff?: BackoffOptions;
  /** Told about every error before the restart (for logs and metrics). */
  onError?: (error: unknown) => void;
}

/**
 * A cache of one resource kept current by list + watch: client-node's `makeInformer` (which
 * relists when a watch answers 410 Gone, as an ERROR event or as the HTTP status, and
 * re-watches from its last resourceVersion when a stream ends cleanly), supervised so that it
 * also survives errors: client-node's informer stops on any other error (connection refused
 * or reset, a failed list), and this one restarts it after an exponential back-off.
 *
 * Invariant: after `start()` resolves, `list()` holds every object of the last list plus every
 * change watched since; a relist after 410 reports objects that vanished meanwhile as `delete`.
 *
 * @example
 * const nodes = new Informer<NodeObject>({ kubeConfig, path: '/api/v1/nodes', list: () => client.listNodes() });
 * nodes.on((event, node) => console.log(event, node.metadata.name));
 * await nodes.start();
 */
export class Informer<T extends { metadata: ObjectMeta }> {
  readonly #options: InformerOptions<T>;
  readonly #delayOf: (failures: number) => number;
  readonly #handlers: ((event: InformerEvent, object: T) => void)[] = [];
  #informer: ReturnType<typeof makeInformer<KubernetesObject>> | undefined;
  #failures = 0;
  #restarts = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #stopped = true;
  #synced = false;
  #onSynced: (() => void) | undefined;

  constructor(options: InformerOptions<T>) {
    if (!options.path.startsWith('/')) throw new RangeError(`informer path must start with /, got ${JSON.stringify(options.path)}`);
    this.#options = options;
    this.#delayOf = backoff({ initialMs: 100, maxMs: 10_000, ...options.backoff });
  }

  /** Registers a handler for adds, updates and deletes (including those a relist finds). */
  on(handler: (event: InformerEvent, object: T) => void): void {
    this.#handlers.push(handler);
  }

  /** True once the first list has filled the cache. */
  get synced(): boolean {
    return this.#synced;
  }

  /** Restarts after errors so far (for tests and metrics). */
  get restarts(): number {
    return this.#restarts;
  }

  /** Starts listing and watching; resolves when the first list is in the cache. */
  start(): Promise<void> {
    if (!this.#stopped) throw new Error(`informer on ${this.#options.path} is already started`);
    this.#stopped = false;
    const synced = new Promise<void>((resolve) => {
      this.#onSynced = resolve;
    });
    const listFn = async (): Promise<{ items: KubernetesObject[]; metadata: { resourceVersion?: string } }> => {
      const list = await this.#options.list();
      // The cache takes the items after this promise settles (in client-node's continuation);
      // setImmediate runs after it, so `synced` never precedes the objects.
      setImmediate(() => {
        this.#failures = 0;
        if (!this.#synced) {
          this.#synced = true;
          this.#onSynced?.();
        }
      });
      return list as unknown as { items: KubernetesObject[]; metadata: { resourceVersion?: string } };
    };
    const informer = makeInformer<KubernetesObject>(this.#options.kubeConfig, this.#options.path, listFn, this.#options.labelSelector);
    informer.on('add', (o) => {
      this.#emit('add', o);
    });
    informer.on('update', (o) => {
      this.#emit('update', o);
    });
    informer.on('delete', (o) => {
      this.#emit('delete', o);
    });
    informer.on('error', (error) => {
      this.#restartAfterError(error);
    });
    this.#informer = informer;
    void informer.start();
    return synced;
  }

  /** Stops watching; pending restarts are cancelled. The cache keeps its last contents. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#restartTimer !== undefined) clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    await this.#informer?.stop();
  }

  /** The cached object with this `namespace/name` (or `name` for cluster-scoped resources). */
  get(key: string): T | undefined {
    const slash = key.indexOf('/');
    const object = slash < 0 ? this.#informer?.get(key) : this.#informer?.get(key.slice(slash + 1), key.slice(0, slash));
    return object as T | undefined;
  }

  /** Every cached object. */
  list(): T[] {
    return (this.#informer?.list() ?? []) as unknown as T[];
  }

  #emit(event: InformerEvent, object: KubernetesObject): void {
    for (const handler of this.#handlers) handler(event, object as unknown as T);
  }

  #restartAfterError(error: unknown): void {
    this.#options.onError?.(error);
    if (this.#stopped) return;
    this.#failures++;
    const delayMs = this.#delayOf(this.#failures);
    if (this.#restartTimer !== undefined) clearTimeout(this.#restartTimer);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      if (this.#stopped) return;
      this.#restarts++;
      // start() re-watches from the last resourceVersion; a compacted one gets 410 and a relist.
      void this.#informer?.start();
    }, delayMs);
  }
}
