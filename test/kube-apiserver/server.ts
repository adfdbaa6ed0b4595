/**
 * KubeApiServer: an in-process HTTP server on 127.0.0.1 (ephemeral port) that behaves like
 * kube-apiserver for the resources Weft uses, for tests with the real kubectl and
 * @kubernetes/client-node. Plain HTTP, no authentication.
 *
 * Usage:
 *   const api = await KubeApiServer.start();
 *   const kubeconfigPath = await api.writeKubeconfig(dir);
 *   ...
 *   await api.stop(); // closes every socket, including open watches
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  openApiV3Group,
  openApiV3Index,
  VERSION_INFO,
} from './discovery.js';
import { ApiError, internalError, notFound } from './errors.js';
import { isObject } from './json.js';
import { Faults } from './faults.js';
import { handleResource, sendError, sendJson, type HandlerContext } from './handler.js';
import { parseResourcePath, verbOf, type RequestRecord } from './requests.js';
import { CRD_RESOURCE, Registry, storageKey } from './resources.js';
import { EVERYTHING } from './selectors.js';
import { Store, type Snapshot } from './store.js';
import type { KubeObject } from './types.js';
import type { WatchRegistry } from './watch.js';

/** Construction options. */
export interface KubeApiServerOptions {
  /** Changes kept for watch replay; a watch from an older resourceVersion gets 410. Default 1000. */
  historyWindow?: number;
  /** When > 0, every open watch that allows bookmarks gets a BOOKMARK this often. */
  bookmarkIntervalMs?: number;
}

/** A Kubernetes API-compatible test server. */
export class KubeApiServer {
  /** The object store (tests may read and write it directly, bypassing HTTP). */
  readonly store: Store;
  /** Served resources (built-ins plus those of stored CRDs). */
  readonly registry = new Registry();
  /** Fault switches: delays and 429s. */
  readonly faults = new Faults();
  /** Every request received, in arrival order. */
  readonly requests: RequestRecord[] = [];

  #server: Server | undefined;
  #port = 0;
  #sockets = new Set<Socket>();
  #connectionsAccepted = 0;

  /** TCP connections accepted since start (restarts included): how well clients reuse connections. */
  get connectionsAccepted(): number {
    return this.#connectionsAccepted;
  }
  #watches: WatchRegistry = new Set();
  #bookmarkTimer: NodeJS.Timeout | undefined;
  readonly #options: KubeApiServerOptions;

  private constructor(options: KubeApiServerOptions) {
    this.#options = options;
    this.store = new Store(options.historyWindow ?? 1000);
    this.store.subscribe((change) => {
      if (change.key !== storageKey(CRD_RESOURCE)) return;
      this.#syncCrds();
      // Deleting a CRD deletes its custom resources, as on a real cluster.
      if (change.type === 'DELETED') this.#deleteInstancesOf(change.object);
    });
  }

  /** Creates and starts a server on 127.0.0.1 with an ephemeral port. */
  static async start(options: KubeApiServerOptions = {}): Promise<KubeApiServer> {
    const server = new KubeApiServer(options);
    await server.#listen(0);
    return server;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** The number of open watch streams. */
  get openWatches(): number {
    return this.#watches.size;
  }

  /** Stops the server and destroys every socket (open watches included). */
  async stop(): Promise<void> {
    if (this.#bookmarkTimer !== undefined) clearInterval(this.#bookmarkTimer);
    this.#bookmarkTimer = undefined;
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return;
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    this.#watches.clear();
    await closed;
  }

  /**
   * Restarts on the same port, cutting every connection. State and watch history are kept
   * (clients re-watch from their last resourceVersion), unless `compact` drops the history
   * (clients then get 410 and relist) or `snapshot` replaces the state (history then starts
   * empty at the snapshot's resourceVersion).
   */
  async restart(options: { snapshot?: Snapshot; compact?: boolean } = {}): Promise<void> {
    const port = this.#port;
    await this.stop();
    if (options.snapshot !== undefined) this.store.restore(options.snapshot);
    if (options.compact === true) this.store.compact();
    this.#syncCrds();
    await this.#listen(port);
  }

  /** A deep copy of all stored state, for `restart({ snapshot })`. */
  snapshot(): Snapshot {
    return this.store.snapshot();
  }

  /**
   * Closes every open watch. `abrupt: false` (default) ends each stream cleanly, as the
   * apiserver does on timeout, so clients re-watch from their last resourceVersion; `abrupt:
   * true` destroys the sockets, as a network failure would. Returns how many were closed.
   */
  dropWatches(options: { abrupt?: boolean } = {}): number {
    const open = [...this.#watches];
    this.#watches.clear();
    for (const w of open) w.close(options.abrupt === true);
    return open.length;
  }

  /** Sends a BOOKMARK to every open watch that allowed bookmarks. */
  sendBookmarks(): void {
    for (const w of this.#watches) w.bookmark();
  }

  /** Empties the request log. */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /** A kubeconfig (YAML) whose current context points at this server. */
  kubeconfig(namespace = 'default'): string {
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: weft-test',
      '  cluster:',
      `    server: ${this.url}`,
      // Plain HTTP: client-node refuses an http:// server unless TLS verification is off.
      '    insecure-skip-tls-verify: true',
      'users:',
      '- name: weft-test',
      '  user: {}',
      'contexts:',
      '- name: weft-test',
      '  context:',
      '    cluster: weft-test',
      '    user: weft-test',
      `    namespace: ${namespace}`,
      'current-context: weft-test',
      '',
    ].join('\n');
  }

  /** Writes `kubeconfig()` to `<dir>/kubeconfig` and returns the path. */
  async writeKubeconfig(dir: string, namespace = 'default'): Promise<string> {
    const file = join(dir, 'kubeconfig');
    await writeFile(file, this.kubeconfig(namespace));
    return file;
  }

  #syncCrds(): void {
    this.registry.setCrds(this.store.list(CRD_RESOURCE, undefined, EVERYTHING));
  }

  #deleteInstancesOf(crd: KubeObject): void {
    const spec = isObject(crd.spec) ? crd.spec : {};
    const names = isObject(spec.names) ? spec.names : {};
    if (typeof spec.group !== 'string' || typeof names.plural !== 'string') return;
    this.store.purge(storageKey({ group: spec.group, plural: names.plural }));
  }

  async #listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      void this.#handle(req, res);
    });
    server.on('connection', (socket) => {
      this.#connectionsAccepted++;
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error(`unexpected server address ${String(addr)}`);
    this.#port = addr.port;
    this.#server = server;
    const every = this.#options.bookmarkIntervalMs ?? 0;
    if (every > 0) this.#bookmarkTimer = setInterval(() => {
        this.sendBookmarks();
      }, every);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const path = parseResourcePath(url.pathname);
    const record: RequestRecord = { method, verb: path ? verbOf(method, path, url.searchParams) : 'get', path: url.pathname };
    if (path !== undefined) {
      record.group = path.group;
      record.version = path.version;
      record.resource = path.plural;
      if (path.subresource !== undefined) record.subresource = path.subresource;
      if (path.namespace !== undefined) record.namespace = path.namespace;
      if (path.name !== undefined) record.name = path.name;
    }
    if (req.headers.accept !== undefined) record.accept = req.headers.accept;
    this.requests.push(record);
    res.on('finish', () => (record.code = res.statusCode));
    try {
      await this.faults.before(record);
      const ctx: HandlerContext = { store: this.store, registry: this.registry, watches: this.#watches };
      if (path !== undefined) await handleResource(ctx, req, res, path, record.verb, url.searchParams);
      else this.#nonResource(url.pathname, res);
    } catch (e) {
      const err = e instanceof ApiError ? e : internalError(e instanceof Error ? e.message : String(e));
      sendError(res, err);
    }
  }

  #nonResource(pathname: string, res: ServerResponse): void {
    const p = pathname.replace(/\/+$/, '') || '/';
    if (p === '/healthz' || p === '/readyz' || p === '/livez') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    const body = this.#nonResourceBody(p);
    if (body === undefined) throw notFound({ group: '', plural: '' }, p);
    sendJson(res, 200, body);
  }

  /** The discovery, version or OpenAPI document at `p`, or undefined. */
  #nonResourceBody(p: string): unknown {
    const segs = p.split('/').filter((s) => s !== '');
    if (p === '/version') return VERSION_INFO;
    if (p === '/api') return apiVersions(`127.0.0.1:${this.#port}`);
    if (p === '/apis') return apiGroupList(this.registry);
    if (segs[0] === 'api' && segs.length === 2) return apiResourceList(this.registry, '', segs[1]!);
    if (segs[0] === 'apis' && segs.length === 2) return apiGroup(this.registry, segs[1]!);
    if (segs[0] === 'apis' && segs.length === 3) return apiResourceList(this.registry, segs[1]!, segs[2]!);
    if (p === '/openapi/v3') return openApiV3Index(this.registry);
    if (segs[0] === 'openapi' && segs[1] === 'v3') {
      if (segs[2] === 'api' && segs.length === 4) return openApiV3Group(this.registry, '', segs[3]!);
      if (segs[2] === 'apis' && segs.length === 5) return openApiV3Group(this.registry, segs[3]!, segs[4]!);
    }
    return undefined;
  }
}
