/** Bounded polling for tests: every wait has a timeout and reports what it last saw. */

/** Resolves once `check()` returns true; rejects after `timeoutMs` naming `what`. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
