import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './http-client.js';
import { finishJob, indexRanges } from './job-controller.js';
import { kubectl, type KubectlEnv } from './kubectl.js';
import { KubeApiServer } from './server.js';

const JOBS = '/apis/batch/v1/namespaces/default/jobs';

/** An Indexed Job manifest; `spec` lines replace the defaults. */
function indexedJob(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      completionMode: 'Indexed',
      completions: 3,
      parallelism: 2,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'busybox', command: ['true'] }] } },
      ...spec,
    },
  };
}

describe('batch/v1 Jobs', () => {
  let api: KubeApiServer;
  let env: KubectlEnv;

  beforeAll(async () => {
    api = await KubeApiServer.start();
    const dir = await mkdtemp(join(tmpdir(), 'weft-job-'));
    env = { dir, kubeconfig: await api.writeKubeconfig(dir) };
  });

  afterAll(async () => {
    await api.stop();
    await rm(env.dir, { recursive: true, force: true });
  });

  it('kubectl accepts a valid Indexed Job (server dry run stores nothing) and rejects invalid ones with the field', async () => {
    const valid = await kubectl(env, ['apply', '--dry-run=server', '-f', '-'], JSON.stringify(indexedJob('ok')));
    expect(valid.stderr).toBe('');
    expect(valid.stdout).toBe('job.batch/ok created (server dry run)\n');
    expect((await call(api.url, 'GET', `${JOBS}/ok`)).code).toBe(404);
    const noCompletions = indexedJob('bad');
    delete (noCompletions.spec as Record<string, unknown>).completions;
    const rejected = await kubectl(env, ['create', '-f', '-'], JSON.stringify(noCompletions));
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain('The Job "bad" is invalid: spec.completions: Required value: when completion mode is Indexed');
    const always = await kubectl(env, ['create', '--dry-run=server', '-f', '-'], JSON.stringify(indexedJob('always', { template: { spec: { containers: [{ name: 'w', image: 'busybox' }] } } })));
    expect(always.stderr).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always"');
  });

  it('answers 422 with one cause per bad field, and defaults completionMode, parallelism and backoffLimit', async () => {
    const bad = await call(api.url, 'POST', JOBS, indexedJob('b', { completionMode: 'Sometimes', completions: -1, template: { spec: { restartPolicy: 'Never', containers: [] } } }));
    expect(bad.code).toBe(422);
    expect(((bad.body as { details: { causes: { field: string }[] } }).details.causes).map((c) => c.field)).toEqual(['spec.completions', 'spec.completionMode', 'spec.template.spec.containers']);
    const tooMany = await call(api.url, 'POST', JOBS, indexedJob('many', { completions: 100_001 }));
    expect(tooMany.body.message).toContain('spec.completions: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed');
    const plain = await call(api.url, 'POST', JOBS, { metadata: { name: 'plain' }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'w', image: 'x' }] } } } });
    expect(plain.code).toBe(201);
    expect(plain.body.spec).toMatchObject({ completionMode: 'NonIndexed', parallelism: 1, backoffLimit: 6, suspend: false });
  });

  it('takes a terminal status through the status subresource only (the test plays the controller)', async () => {
    expect((await call(api.url, 'POST', JOBS, indexedJob('run', { completions: 6 }))).code).toBe(201);
    const failed = await finishJob(api.url, 'default', 'run', { succeeded: [0, 1, 2, 4], failed: [3, 5] });
    expect(failed.code).toBe(200);
    expect(failed.body.status).toMatchObject({ succeeded: 4, failed: 2, completedIndexes: '0-2,4', failedIndexes: '3,5', conditions: [{ type: 'Failed', reason: 'BackoffLimitExceeded' }] });
    expect((failed.body as { metadata: { generation: number } }).metadata.generation).toBe(1);
    // A write of the main resource keeps the stored status.
    const job = (await call(api.url, 'GET', `${JOBS}/run`)).body;
    const replaced = await call(api.url, 'PUT', `${JOBS}/run`, { ...job, status: {} });
    expect((replaced.body as { status: { failedIndexes: string } }).status.failedIndexes).toBe('3,5');
    expect(indexRanges([5, 0, 1, 2, 9, 8])).toBe('0-2,5,8-9');
  });
});
