import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { formatError } from '../../core/format-error.js';
import { ReadSummary } from '../read/read-summary.js';
import type { TraceRecord, WorkloadArrival } from '../weft/records.js';
import { readWeftTrace } from '../weft/trace-reader.js';
import { importJobTrace } from './import-job-trace.js';
import { importPaiV2020 } from './import-pai-v2020.js';
import { loadModelClassMapper } from './load-mapping.js';
import { ModelClassMapper, type JobFeatures } from './model-class-rules.js';
import { polluxWork } from './pollux-work.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-mapping-'));
let files = 0;
function tempFile(name: string, text: string): string {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, text);
  return path;
}

async function workloads(path: string): Promise<{ header: TraceRecord; jobs: WorkloadArrival[] }> {
  const records: TraceRecord[] = [];
  for await (const r of readWeftTrace(path, new ReadSummary(path))) records.push(r);
  return { header: records[0]!, jobs: records.flatMap((r) => (r.kind === 'workload' ? [r.workload] : [])) };
}

async function errorOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeftError);
    return formatError(error);
  }
  throw new Error('expected an error');
}

describe('job-to-model-class mapping', () => {
  const mapper = new ModelClassMapper();
  const classOf = (job: JobFeatures): string => mapper.classOf(job).modelClass.name;

  it('maps by source, application, GPU count and run time with the documented default rules', () => {
    const cases: [JobFeatures, string][] = [
      [{ source: 'philly', gpus: 1, runS: 600 }, 'resnet-50'],
      [{ source: 'philly', gpus: 8 }, 'resnet-50'],
      [{ source: 'helios', gpus: 32, runS: 3600 }, 'bert-base'],
      [{ source: 'helios', gpus: 32, runS: 2 * 86_400 }, 'bert-large'],
      [{ source: 'helios', gpus: 16 }, 'bert-base'],
      [{ source: 'helios', gpus: 128, runS: 60 }, 'bert-large'],
      [{ source: 'acme', gpus: 8, application: 'Evaluation' }, 'llama-3-8b-eval'],
      [{ source: 'acme', gpus: 512, application: 'Pretrain' }, 'llama-3-70b'],
      [{ source: 'acme', gpus: 64, application: 'SFT' }, 'llama-3-8b'],
      [{ source: 'acme', gpus: 1, application: 'Debug' }, 'bert-base'],
      [{ source: 'pollux', gpus: 4, application: 'imagenet' }, 'resnet-50'],
      [{ source: 'pollux', gpus: 4, application: 'cifar10' }, 'resnet-18'],
      [{ source: 'pollux', gpus: 4, application: 'deepspeech2' }, 'bert-base'],
      [{ source: 'pollux', gpus: 4, application: 'unknown-app' }, 'resnet-50'],
    ];
    expect(cases.map(([job]) => classOf(job))).toEqual(cases.map(([, name]) => name));
    expect(mapper.modelClass('resnet-50')?.params).toBe(25_557_032);
    const llama = mapper.modelClass('llama-3-8b')!;
    expect(llama.catalogModel).toBe('llama-3-8b');
    expect(llama.params).toBeGreaterThan(7.9e9);
    expect(llama.params).toBeLessThan(8.1e9);
    expect(mapper.modelClass('llama-3-8b-eval')?.trains).toBe(false);
  });

  it('maps the real Pollux workload: every row becomes an arrival with its application class', async () => {
    const sample = join(import.meta.dirname, '..', 'samples', 'pollux', 'workload-6.csv');
    const out = join(dir, 'pollux.weft');
    const result = await importJobTrace('pollux', sample, out);
    expect(result.summary.rows).toBe(160);
    expect(result.written).toBe(160);
    const { header, jobs } = await workloads(out);
    expect(header).toMatchObject({ kind: 'header', header: { source: 'pollux' } });
    // Pollux times are relative to the workload start: the trace has no wall-clock origin.
    expect(header).not.toHaveProperty('header.originEpochS');
    const byApp = new Map<string, Set<string>>();
    for (const j of jobs) {
      if (j.spec.kind !== 'training') throw new Error('expected training');
      byApp.set(j.spec.application, (byApp.get(j.spec.application) ?? new Set()).add(j.spec.modelClass));
    }
    expect(Object.fromEntries([...byApp].map(([app, classes]) => [app, [...classes]]))).toEqual({
      cifar10: ['resnet-18'],
      ncf: ['resnet-18'],
      bert: ['bert-base'],
      deepspeech2: ['bert-base'],
      yolov3: ['bert-base'],
      imagenet: ['resnet-50'],
    });
    expect(jobs[0]).toMatchObject({ id: 'cifar10-0', arrivalNs: 53e9, spec: { gpus: 6, batchSize: 2048 } });
    // Every application of the real workload has a documented amount of work.
    expect(Object.fromEntries([...byApp.keys()].map((app) => [app, polluxWork(app)?.epochs]))).toEqual({
      bert: 2,
      cifar10: 100,
      deepspeech2: 80,
      imagenet: 90,
      ncf: 10,
      yolov3: 50,
    });
    // ... in samples: no application of the real workload is skipped for want of its size.
    expect([...byApp.keys()].filter((app) => !(polluxWork(app)!.samplesPerEpoch! > 0))).toEqual([]);
    expect(polluxWork('constructor')).toBeUndefined();
  });

  it('takes an override file: extra classes and replacement rules; mistakes name file and field', async () => {
    const good = tempFile(
      'mapping.yaml',
      ['classes:', '  my-13b: { params: 13.0e9, gradientBytesPerParam: 2 }', 'rules:', '  - { sources: [helios], minGpus: 64, modelClass: my-13b }', '  - { modelClass: resnet-50 }', ''].join('\n'),
    );
    const custom = loadModelClassMapper(good);
    expect(custom.classOf({ source: 'helios', gpus: 128 }).modelClass).toMatchObject({ name: 'my-13b', params: 13e9, trains: true });
    expect(custom.classOf({ source: 'acme', gpus: 512, application: 'Pretrain' }).modelClass.name).toBe('resnet-50');

    const unknown = tempFile('unknown.yaml', 'rules:\n  - { modelClass: gpt-5 }\n');
    expect(await errorOf(() => loadModelClassMapper(unknown))).toMatch(
      new RegExp(`^error: ${unknown}: rules\\[0\\]\\.modelClass: invalid model-class rule: got "gpt-5" \\(expected one of resnet-18, resnet-50,`),
    );
    const open = tempFile('open.yaml', 'rules:\n  - { minGpus: 8, modelClass: bert-base }\n');
    expect(await errorOf(() => loadModelClassMapper(open))).toBe(
      `error: ${open}: rules[0].minGpus: invalid model-class rule: got 8 (expected no condition on the last rule, so that every job gets a class)`,
    );
    const regex = tempFile('regex.yaml', 'rules:\n  - { application: "(", modelClass: bert-base }\n  - { modelClass: bert-base }\n');
    expect(await errorOf(() => loadModelClassMapper(regex))).toContain('rules[0].application: invalid model-class rule: got "(" (expected a valid regular expression)');
    const typo = tempFile('typo.yaml', 'rules:\n  - { minGPUs: 8, modelClass: bert-base }\n');
    expect(await errorOf(() => loadModelClassMapper(typo))).toMatch(new RegExp(`^error: ${typo}:2:\\d+: rules\\[0\\]`));
  });
});

describe('importJobTrace', () => {
  it('converts Helios rows (origin = earliest submission, CPU jobs kept without a class, statuses normalised)', async () => {
    const input = tempFile(
      'cluster_log.csv',
      [
        'job_id,user,vc,gpu_num,cpu_num,node_num,state,submit_time,start_time,end_time,duration,queue',
        '11,u1,vc1,64,256,8,NODE_FAIL,2020-07-01 10:10:00,2020-07-01 10:11:00,2020-07-03 10:11:00,172800,60',
        '10,u1,vc1,0,4,1,COMPLETED,2020-07-01 10:00:00,2020-07-01 10:00:00,2020-07-01 10:00:30,30,0',
        '12,u2,vc2,8,bad,1,COMPLETED,2020-07-01 10:20:00,2020-07-01 10:20:00,2020-07-01 10:20:30,30,0',
      ].join('\n'),
    );
    const out = join(dir, 'helios.weft.gz');
    const result = await importJobTrace('helios', input, out, { policy: 'skip' });
    expect([result.summary.rows, result.written, result.summary.skipped]).toEqual([3, 2, 1]);
    expect(result.originEpochS).toBe(Date.UTC(2020, 6, 1, 10) / 1000);
    const { header, jobs } = await workloads(out);
    expect(header).toMatchObject({ header: { source: 'helios', originEpochS: result.originEpochS } });
    expect(header.kind === 'header' ? header.header.attribution : '').toContain('HeliosData');
    expect(jobs).toHaveLength(2);
    expect(jobs.slice(0, 1)).toEqual([
      {
        id: '11',
        arrivalNs: 600e9,
        user: 'u1',
        queue: 'vc1',
        priority: 0,
        spec: { kind: 'training', gpus: 64, nodes: 8, cpus: 256, gpuType: '', modelClass: 'bert-large', application: '', batchSize: 0 },
        recorded: { status: 'FAILED', sourceStatus: 'NODE_FAIL', queuedNs: 60e9, runNs: 172_800e9 },
      },
    ]);
    expect(jobs[1]).toMatchObject({ id: '10', arrivalNs: 0, spec: { gpus: 0, modelClass: '' } });
  });

  it('converts Acme and Philly rows; under the error policy a bad row fails the import and writes no file', async () => {
    const acme = tempFile(
      'trace_seren.csv',
      [
        'job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,end_time,duration,queue,gpu_time',
        '1,u1,64,512,8192,Pretrain,COMPLETED,2023-04-02 08:00:00+08:00,2023-04-02 08:10:00+08:00,2023-04-03 08:10:00+08:00,86400,600,44236800.0',
        '2,u1,1,8,128,Evaluation,FAILED,2023-04-02 07:00:00+08:00,2023-04-02 07:00:01+08:00,2023-04-02 07:00:31+08:00,30,1,240.0',
      ].join('\n'),
    );
    const acmeOut = join(dir, 'acme.weft');
    await importJobTrace('acme', acme, acmeOut);
    const acmeJobs = (await workloads(acmeOut)).jobs;
    expect(acmeJobs.map((j) => [j.id, j.arrivalNs, j.spec.kind === 'training' ? j.spec.modelClass : '', j.recorded?.status])).toEqual([
      ['1', 3600e9, 'llama-3-70b', 'COMPLETED'],
      ['2', 0, 'llama-3-8b-eval', 'FAILED'],
    ]);

    const philly = tempFile(
      'cluster_job_log',
      JSON.stringify([
        { status: 'Killed', vc: 'v', jobid: 'j1', attempts: [{ start_time: '2017-10-01 00:01:00', end_time: '2017-10-01 00:31:00', detail: [{ ip: 'm1', gpus: ['gpu0', 'gpu1'] }] }], submitted_time: '2017-10-01 00:00:00', user: 'u' },
        { status: 'Pass', vc: 'v', jobid: 'j2', attempts: [{ start_time: '2017-10-01 00:02:00', end_time: null, detail: [{ ip: 'm2', gpus: ['gpu0'] }] }], submitted_time: '2017-10-01 00:02:00', user: 'u' },
      ]),
    );
    const phillyOut = join(dir, 'philly.weft');
    await importJobTrace('philly', philly, phillyOut);
    const phillyJobs = (await workloads(phillyOut)).jobs;
    expect(phillyJobs.map((j) => [j.id, j.arrivalNs, j.recorded])).toEqual([
      ['j1', 0, { status: 'CANCELLED', sourceStatus: 'Killed', queuedNs: 60e9, runNs: 1800e9 }],
      ['j2', 120e9, { status: 'RUNNING', sourceStatus: 'Pass', queuedNs: 0 }],
    ]);

    const bad = tempFile('bad_seren.csv', 'job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,end_time,duration,queue,gpu_time\n1,u,1,8,8,SFT,RUNNING,2023-04-02 08:00:00+08:00,,,0,,\n');
    const badOut = join(dir, 'bad.weft');
    expect(await errorOf(() => importJobTrace('acme', bad, badOut))).toBe(
      `error: ${bad}:2: state: malformed row: got "RUNNING" (expected one of COMPLETED, CANCELLED, FAILED, TIMEOUT, NODE_FAIL)`,
    );
    expect(existsSync(badOut)).toBe(false);
    expect(existsSync(`${badOut}.partial`)).toBe(false);
  });
});

describe('Alibaba job traces into trace.proto', () => {
  it('joins the PAI v2020 job, task and tag tables: GPUs summed over tasks, fractions rounded up, workload tags mapped', async () => {
    const tables = join(dir, 'pai');
    mkdirSync(tables);
    writeFileSync(join(tables, 'pai_job_table.csv'), ['j1,i1,u1,Terminated,1000.0,2000.0', 'j2,i2,u2,Failed,900.0,950.0', 'j3,i3,u3,Waiting,1100.0,'].join('\n'));
    writeFileSync(
      join(tables, 'pai_task_table.csv'),
      ['j1,worker,4.0,Terminated,1010.0,1990.0,600.0,30.0,100.0,V100', 'j1,ps,2.0,Terminated,1005.0,1995.0,400.0,10.0,,', 'j2,tensorflow,1.0,Failed,905.0,950.0,600.0,29.0,50.0,T4'].join('\n'),
    );
    writeFileSync(join(tables, 'pai_group_tag_table.csv'), 'i1,u1,V100,g1,bert\ni2,u2,,g2,\n');
    const out = join(dir, 'pai.weft');
    const result = await importPaiV2020(tables, out);
    expect([result.written, result.jobsWithoutTasks, result.jobs.rows, result.tasks.rows, result.tags?.rows]).toEqual([3, 1, 3, 3, 2]);
    const { header, jobs } = await workloads(out);
    expect(header).not.toHaveProperty('header.originEpochS');
    expect(jobs.map((j) => [j.id, j.arrivalNs, j.spec.kind === 'training' ? [j.spec.gpus, j.spec.cpus, j.spec.nodes, j.spec.gpuType, j.spec.application, j.spec.modelClass] : [], j.recorded])).toEqual([
      ['j1', 100e9, [4, 32, 6, 'V100', 'bert', 'bert-base'], { status: 'COMPLETED', sourceStatus: 'Terminated', queuedNs: 5e9, runNs: 990e9 }],
      ['j2', 0, [1, 6, 1, 'T4', '', 'resnet-50'], { status: 'FAILED', sourceStatus: 'Failed', queuedNs: 5e9, runNs: 45e9 }],
      ['j3', 200e9, [0, 0, 0, '', '', ''], { status: 'UNSPECIFIED', sourceStatus: 'Waiting' }],
    ]);
    expect(await errorOf(() => importPaiV2020(join(dir, 'nowhere'), join(dir, 'x.weft')))).toContain('pai_job_table.csv: table not found');
  });

  it('converts spot-GPU jobs: GPUs per worker times workers, HP jobs at a higher priority', async () => {
    const input = tempFile('job_info_df.csv', ['job_name,organization,gpu_model,cpu_request,gpu_request,worker_num,submit_time,duration,job_type', '1,7,A10,20,1,1,0,600,HP', '2,9,A100-SXM4-80GB,15,1,94,3600,71718,Spot'].join('\n'));
    const out = join(dir, 'spot.weft');
    await importJobTrace('alibaba-v2026-spot', input, out);
    const { jobs } = await workloads(out);
    expect(jobs.map((j) => [j.id, j.arrivalNs, j.priority, j.queue, j.spec.kind === 'training' ? [j.spec.gpus, j.spec.nodes, j.spec.gpuType, j.spec.modelClass] : []])).toEqual([
      ['1', 0, 1, '7', [1, 1, 'A10', 'resnet-50']],
      ['2', 3600e9, 0, '9', [94, 94, 'A100-SXM4-80GB', 'bert-large']],
    ]);
  });
});
