/**
 * Watch responses: newline-delimited JSON events on a chunked 200 response. A watch from a
 * compacted resourceVersion gets one ERROR event carrying a 410 Expired Status and is then
 * closed, which is how kube-apiserver reports it (and what client-go and client-node expect).
 */
import type { ServerResponse } from 'node:http';
import { ApiError, badRequest } from './errors.js';
import type { HandlerContext } from './handler.js';
import { apiVersionOf, type ResourceType } from './resources.js';
import type { Selector } from './selectors.js';
import { columnDefinitions, tableRow } from './table.js';
import type { KubeObject, WatchEvent } from './types.js';

/** An open watch, as tracked by the server for fault injection and shutdown. */
export interface OpenWatch {
  /** Ends the response cleanly (the client sees the stream close) or destroys the socket. */
  close(abrupt: boolean): void;
  /** Sends a BOOKMARK at the current resourceVersion when the client allowed bookmarks. */
  bookmark(): void;
}

/** The server's set of open watches. */
export type WatchRegistry = Set<OpenWatch>;

function parseRv(text: string | null): number | undefined {
  if (text === null || text === '' || text === '0') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`resourceVersion must be a non-negative integer, got ${JSON.stringify(text)}`);
  return n;
}

/** Starts a watch; the response stays open until the client leaves, a timeout, or a fault. */
export function serveWatch(
  ctx: HandlerContext,
  res: ServerResponse,
  rt: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  selector: Selector,
  asTable: boolean,
): void {
  const fromRv = parseRv(query.get('resourceVersion'));
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const initialEvents = query.get('sendInitialEvents') === 'true';
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const write = (event: WatchEvent): void => {
    if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
  };
  const encode = (obj: KubeObject): WatchEvent['object'] => {
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    if (!asTable) return obj;
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: obj.metadata.resourceVersion },
      columnDefinitions: columnDefinitions(rt),
      rows: [tableRow(rt, obj)],
    };
  };
  const bookmark = (annotations?: Record<string, string>): void => {
    write({
      type: 'BOOKMARK',
      object: {
        kind: rt.kind,
        apiVersion: apiVersionOf(rt),
        metadata: { resourceVersion: String(ctx.store.resourceVersion), ...(annotations ? { annotations } : {}) },
      },
    });
  };
  let cancel: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const open: OpenWatch = {
    close(abrupt) {
      if (abrupt) res.destroy();
      else res.end();
    },
    bookmark() {
      if (bookmarks) bookmark();
    },
  };
  const cleanup = (): void => {
    cancel();
    if (timer !== undefined) clearTimeout(timer);
    ctx.watches.delete(open);
  };
  res.on('close', cleanup);
  try {
    cancel = ctx.store.watch(rt, namespace, initialEvents ? undefined : fromRv, selector, (type, obj) => {
      write({ type, object: encode(obj) });
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    write({ type: 'ERROR', object: e.status });
    res.end();
    return;
  }
  if (initialEvents && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  ctx.watches.add(open);
  if (timeoutSeconds > 0) timer = setTimeout(() => res.end(), timeoutSeconds * 1000);
}
