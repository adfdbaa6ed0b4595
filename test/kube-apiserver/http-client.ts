/** A minimal HTTP client for tests that talk to KubeApiServer directly. Test helper. */
import { request } from 'node:http';
import type { WatchEvent } from './types.js';

/** A response with its parsed JSON body. */
export interface Reply {
  code: number;
  headers: Record<string, string | string[] | undefined>;
  // Test convenience: bodies are asserted structurally, so they are typed loosely.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Sends one request; JSON bodies are serialised, `contentType` defaults to application/json. */
export function call(base: string, method: string, path: string, body?: unknown, contentType = 'application/json', accept?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        // A fresh connection per request: a pooled keep-alive socket may be one a restart cut.
        agent: false,
        headers: {
          ...(data === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) }),
          ...(accept === undefined ? {} : { Accept: accept }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          resolve({ code: res.statusCode ?? 0, headers: res.headers, body: text === '' ? {} : (JSON.parse(text) as Reply['body']) });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** An open watch stream collecting its events. */
export interface WatchStream {
  events: WatchEvent[];
  /** True once the server ended the stream. */
  ended: () => boolean;
  close: () => void;
}

/** Opens `path` (which must include watch=true) and collects newline-delimited events. */
export function openWatch(base: string, path: string): Promise<WatchStream> {
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    let ended = false;
    const req = request(`${base}${path}`, { agent: false }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        buf += c;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, nl)) as WatchEvent);
          buf = buf.slice(nl + 1);
        }
      });
      res.on('end', () => (ended = true));
      res.on('close', () => (ended = true));
      res.on('error', () => (ended = true));
      resolve({ events, ended: () => ended, close: () => req.destroy() });
    });
    req.on('error', (e) => {
      ended = true;
      reject(e);
    });
    req.end();
  });
}
