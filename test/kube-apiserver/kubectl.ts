/**
 * Runs the real `kubectl` against a KubeApiServer, with its own kubeconfig and discovery
 * cache directory so runs never share state. Test helper.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** The result of one kubectl run. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where kubectl finds its config and cache. */
export interface KubectlEnv {
  kubeconfig: string;
  /** A private directory for kubectl's discovery and HTTP caches. */
  dir: string;
}

function argsFor(env: KubectlEnv, args: readonly string[]): string[] {
  return ['--kubeconfig', env.kubeconfig, '--cache-dir', join(env.dir, 'cache'), ...args];
}

/** Runs kubectl to completion (killed after `timeoutMs`); stdin is `input` when given. */
export function kubectl(env: KubectlEnv, args: readonly string[], input?: string, timeoutMs = 15_000): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile('kubectl', argsFor(env, args), { timeout: timeoutMs, env: { ...process.env, HOME: env.dir } }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Starts a long-running kubectl (e.g. `get -w`); the caller must kill it. */
export function spawnKubectl(env: KubectlEnv, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('kubectl', argsFor(env, args), { env: { ...process.env, HOME: env.dir } });
}

/** Resolves once `read()` satisfies `until`, rejecting after `timeoutMs` with what was seen. */
export async function waitFor(read: () => string, until: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = read();
    if (until(text)) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms; last output: ${JSON.stringify(read())}`);
}
