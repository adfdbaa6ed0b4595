import { ApiException } from '@kubernetes/client-node';

/**
 * The HTTP status of a failed API call: client-node's `ApiException.code`, or `statusCode` on
 * the plain errors its `Watch` raises; undefined for network failures (connection refused, reset).
 */
export function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof ApiException) return (error as ApiException<unknown>).code;
  if (typeof error === 'object' && error !== null) {
    const e = error as { statusCode?: unknown; code?: unknown };
    if (typeof e.statusCode === 'number') return e.statusCode;
    if (typeof e.code === 'number') return e.code;
  }
  return undefined;
}

/** True for 409 Conflict / AlreadyExists: someone else wrote first; re-read and retry. */
export function isConflict(error: unknown): boolean {
  return httpStatusOf(error) === 409;
}

export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

/** One line for logs and Events: the status code and the server's message when there is one. */
export function describeApiError(error: unknown): string {
  const status = httpStatusOf(error);
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiException) {
    const body = (error as ApiException<unknown>).body;
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { message?: unknown }).message === 'string') {
      message = (parsed as { message: string }).message;
    }
  }
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
