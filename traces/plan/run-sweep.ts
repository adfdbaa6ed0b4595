import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PointResult } from './evaluate-point.js';
import { evaluateInWorker, type WorkerData, type WorkerReply } from './sweep-job.js';

/**
 * Runs a sweep's design points on `threads` worker threads (0: in this thread), handing each
 * idle thread the next point; results are returned in the points' order whatever order they
 * finish in, so the output does not depend on the thread count or timing.
 */
export async function runSweep(data: WorkerData, threads: number, onDone?: (done: number, total: number, design: string) => void): Promise<PointResult[]> {
  const total = data.points.length;
  const results = new Array<PointResult | undefined>(total);
  if (threads <= 0) {
    for (let i = 0; i < total; i++) {
      results[i] = evaluateInWorker(data, i);
      onDone?.(i + 1, total, data.points[i]!.name);
    }
    return results as PointResult[];
  }
  const { entry, bundled } = await workerEntry();
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, total) }, () => new Worker(entry, { workerData: data }));
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (worker: Worker): void => {
        if (next < total) worker.postMessage({ index: next++ });
      };
      for (const worker of workers) {
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) {
            reject(new Error(`design ${data.points[reply.index]!.name}: ${reply.error}`));
            return;
          }
          results[reply.index] = reply.result;
          onDone?.(++done, total, reply.result.design);
          if (done === total) resolve();
          else dispatch(worker);
        });
        worker.on('error', reject);
        dispatch(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    if (bundled) rmSync(entry, { force: true });
  }
  return results as PointResult[];
}

/**
 * The worker's module: `plan-worker.js` beside this file once built; when running from the
 * TypeScript sources (tests), it is bundled with esbuild (vitest's own dependency) into
 * node_modules/.cache, where the bundle's package imports resolve.
 */
/** A variable, so that the type checker does not look for esbuild's types (it is vitest's dependency, not ours). */
const ESBUILD: string = 'esbuild';

async function workerEntry(): Promise<{ entry: URL; bundled: boolean }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'plan-worker.js');
  if (existsSync(built)) return { entry: new URL(`file://${built}`), bundled: false };
  const source = join(here, 'plan-worker.ts');
  const root = join(here, '..', '..');
  const outDir = join(root, 'node_modules', '.cache', 'weft');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `plan-worker-${process.pid}-${Date.now()}.mjs`);
  const esbuild = (await import(ESBUILD)) as { build: (options: Record<string, unknown>) => Promise<unknown> };
  await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  return { entry: new URL(`file://${outfile}`), bundled: true };
}
