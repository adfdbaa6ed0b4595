import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { formatError } from '../../core/format-error.js';
import { ReadSummary } from '../read/read-summary.js';
import { readAcmeJobs } from './acme.js';
import { readPaiGroupTags, readPaiJobs, readPaiTasks } from './alibaba-v2020-jobs.js';
import { readSpotGpuJobs } from './alibaba-v2026-jobs.js';
import { readHeliosJobs } from './helios.js';
import { readPhillyJobs } from './philly.js';

/*
 * No sample of these traces' job tables is on hand, so each test writes rows in the exact layout the
 * trace's own README publishes (column order, time format, value spelling), with made-up values.
 */

const dir = mkdtempSync(join(tmpdir(), 'weft-job-traces-'));
let files = 0;

function tempFile(name: string, content: string | Buffer): string {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeftError);
    return formatError(error);
  }
  throw new Error('expected an error');
}

type Reader<T> = (path: string, summary: ReadSummary) => AsyncGenerator<T>;

/**
 * Fuzzing: whatever the rows, a read never crashes; under 'skip' every row is either accepted
 * or counted as skipped, and under 'error' the only failure is a one-line WeftError.
 */
async function fuzz<T>(reader: Reader<T>, name: string, file: fc.Arbitrary<string>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(file, async (text) => {
      const path = tempFile(name, text);
      const summary = new ReadSummary(path, 'skip');
      try {
        const read = await collect(reader(path, summary));
        expect(summary.accepted).toBe(read.length);
        expect(summary.accepted + summary.skipped).toBe(summary.rows);
      } catch (error) {
        // A bad header or a broken file structure is an error, never a crash.
        expect(error).toBeInstanceOf(WeftError);
        expect(formatError(error)).not.toContain('\n');
      }
    }),
    { numRuns: 60, seed: 11 },
  );
}

/** A CSV cell: a plausible value or noise. */
const cell = fc.oneof(
  fc.constantFrom('', '0', '8', '-1', '1.5', 'NaN', 'COMPLETED', 'FAILED', 'x', '"q,uoted"', '"open'),
  fc.constantFrom('2020-06-09 18:41:01', '2023-03-01 00:18:22+08:00', '2020-13-40 99:00:00'),
  fc.string({ maxLength: 6 }),
);

function csvFile(header: readonly string[]): fc.Arbitrary<string> {
  const row = fc.array(cell, { minLength: header.length - 2, maxLength: header.length + 1 }).map((cells) => cells.join(','));
  return fc.array(row, { maxLength: 6 }).map((rows) => [header.join(','), ...rows].join('\n'));
}

describe('SenseTime Helios cluster_log.csv', () => {
  const header = 'job_id,user,vc,gpu_num,cpu_num,node_num,state,submit_time,start_time,end_time,duration,queue';

  it('reads rows in the published layout', async () => {
    const path = tempFile(
      'cluster_log.csv',
      [
        header,
        '2001,uAbcd,vcEfgh,8,32,1,COMPLETED,2020-07-01 10:00:00,2020-07-01 10:05:00,2020-07-01 12:05:00,7200,300',
        '2002,uAbcd,vcEfgh,0,4,1,CANCELLED,2020-07-01 10:01:00,2020-07-01 10:01:00,2020-07-01 10:02:30,90,0',
        '2003,uWxyz,vcIjkl,16,64,2,NODE_FAIL,2020-07-02 23:59:59,2020-07-03 00:00:09,2020-07-03 01:00:09,3600,10',
      ].join('\n'),
    );
    const summary = new ReadSummary(path);
    const jobs = await collect(readHeliosJobs(path, summary));
    expect(jobs[0]).toEqual({
      jobId: '2001',
      user: 'uAbcd',
      vc: 'vcEfgh',
      gpus: 8,
      cpus: 32,
      nodes: 1,
      state: 'COMPLETED',
      submitEpochS: Date.UTC(2020, 6, 1, 10, 0, 0) / 1000,
      startEpochS: Date.UTC(2020, 6, 1, 10, 5, 0) / 1000,
      endEpochS: Date.UTC(2020, 6, 1, 12, 5, 0) / 1000,
      durationS: 7200,
      queueS: 300,
    });
    expect(jobs.map((j) => [j.state, j.gpus, j.nodes, j.endEpochS - j.startEpochS])).toEqual([
      ['COMPLETED', 8, 1, 7200],
      ['CANCELLED', 0, 1, 90],
      ['NODE_FAIL', 16, 2, 3600],
    ]);
    expect(summary.describe()).toBe(`read 3 rows of ${path}: 3 accepted, 0 skipped`);
  });

  it('reports a malformed row with file, line, field, value and expectation; skips and counts under skip', async () => {
    const path = tempFile(
      'bad.csv',
      [
        header,
        '1,u1,vc1,1,1,1,RUNNING,2020-07-01 10:00:00,2020-07-01 10:00:00,2020-07-01 10:01:00,60,0',
        '2,u1,vc1,1,1,1,FAILED,2020-07-01 10:00:00,2020-07-01 09:00:00,2020-07-01 10:01:00,60,0',
        '3,u1,vc1,two,1,1,FAILED,2020-07-01 10:00:00,2020-07-01 10:00:00,2020-07-01 10:01:00,60,0',
        '4,u1,vc1,1,1,1,TIMEOUT,2020-02-30 10:00:00,2020-07-01 10:00:00,2020-07-01 10:01:00,60,0',
        '5,u1,vc1,1,1,1,COMPLETED,2020-07-01 10:00:00,2020-07-01 10:00:00,2020-07-01 10:01:00,60,0',
      ].join('\n'),
    );
    expect(await errorOf(() => collect(readHeliosJobs(path, new ReadSummary(path))))).toBe(
      `error: ${path}:2: state: malformed row: got "RUNNING" (expected one of COMPLETED, CANCELLED, FAILED, TIMEOUT, NODE_FAIL, SUSPENDED)`,
    );
    const summary = new ReadSummary(path, 'skip');
    const jobs = await collect(readHeliosJobs(path, summary));
    expect(jobs.map((j) => j.jobId)).toEqual(['5']);
    expect(summary.issues.map((i) => [i.line, i.field, i.value])).toEqual([
      [2, 'state', 'RUNNING'],
      [3, 'start_time', '2020-07-01 09:00:00'],
      [4, 'gpu_num', 'two'],
      [5, 'submit_time', '2020-02-30 10:00:00'],
    ]);
    expect(summary.describe()).toBe(
      `read 5 rows of ${path}: 1 accepted, 4 skipped (first: line 2, state = "RUNNING", expected one of COMPLETED, CANCELLED, FAILED, TIMEOUT, NODE_FAIL, SUSPENDED)`,
    );
  });

  it('fuzzed rows: no crash, a clear error or a counted skip', async () => {
    await fuzz(readHeliosJobs, 'fuzz.csv', csvFile(header.split(',')));
  });
});

describe('Shanghai AI Lab Acme job traces', () => {
  const seren = 'job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,end_time,duration,queue,gpu_time';
  const kalos =
    'job_id,user,node_num,gpu_num,cpu_num,mem_per_pod_GB,shared_mem_per_pod,type,state,submit_time,start_time,end_time,fail_time,stop_time,duration,queue,gpu_time';

  it('reads Seren rows with their UTC offsets', async () => {
    const path = tempFile(
      'trace_seren.csv',
      [
        seren,
        '6000001,u1234,2,16,256,Pretrain,COMPLETED,2023-04-02 08:00:00+08:00,2023-04-02 08:00:40+08:00,2023-04-02 10:00:40+08:00,7200,40,115200.0',
        '6000002,u1234,1,0,8,Other,FAILED,2023-04-02 08:01:00+08:00,2023-04-02 08:01:01+08:00,2023-04-02 08:01:31+08:00,30,1,0.0',
      ].join('\n'),
    );
    const jobs = await collect(readAcmeJobs(path, new ReadSummary(path)));
    expect(jobs[0]).toEqual({
      jobId: '6000001',
      user: 'u1234',
      nodes: 2,
      gpus: 16,
      cpus: 256,
      type: 'Pretrain',
      state: 'COMPLETED',
      // 08:00 at +08:00 is midnight UTC.
      submitEpochS: Date.UTC(2023, 3, 2, 0, 0, 0) / 1000,
      startEpochS: Date.UTC(2023, 3, 2, 0, 0, 40) / 1000,
      endEpochS: Date.UTC(2023, 3, 2, 2, 0, 40) / 1000,
      durationS: 7200,
      queueS: 40,
      gpuTimeS: 115200,
    });
    expect(jobs[1]).toMatchObject({ gpus: 0, type: 'Other', state: 'FAILED', durationS: 30 });
  });

  it('reads Kalos rows, with its extra columns and empty cells', async () => {
    const path = tempFile(
      'trace_kalos.csv.gz',
      gzipSync(
        [
          kalos,
          'dlcabc123def4567,uab12,4,32,480,1000,100.0,SFT,FAILED,2023-06-01 12:00:00+00:00,2023-06-01 12:00:12+00:00,2023-06-01 12:30:12+00:00,2023-06-01 12:30:12+00:00,,1800,12.0,57600.0',
          'dlcabc123def4568,uab12,1,8,120,500,50.0,Evaluation,CANCELLED,2023-06-01 13:00:00+00:00,2023-06-01 13:00:05+00:00,2023-06-01 13:02:05+00:00,,2023-06-01 13:02:05+00:00,120,5.0,960.0',
        ].join('\n'),
      ),
    );
    const jobs = await collect(readAcmeJobs(path, new ReadSummary(path)));
    expect(jobs[0]).toMatchObject({ type: 'SFT', memPerPodGB: 1000, sharedMemPerPod: 100, queueS: 12, failEpochS: Date.UTC(2023, 5, 1, 12, 30, 12) / 1000 });
    expect(jobs[0]).not.toHaveProperty('stopEpochS');
    expect(jobs[1]).toMatchObject({ type: 'Evaluation', state: 'CANCELLED', stopEpochS: Date.UTC(2023, 5, 1, 13, 2, 5) / 1000 });
    expect(jobs[1]).not.toHaveProperty('failEpochS');
  });

  it('reports malformed rows and a file without the published header', async () => {
    const path = tempFile(
      'bad.csv',
      [seren, '7,u1,1,8,8,,COMPLETED,2023-04-02 08:00:00+08:00,2023-04-02 08:00:40+08:00,2023-04-02 10:00:40+08:00,7200,40,1'].join('\n'),
    );
    expect(await errorOf(() => collect(readAcmeJobs(path, new ReadSummary(path))))).toBe(
      `error: ${path}:2: type: malformed row: got "" (expected a workload type such as Pretrain, SFT, Evaluation, Debug or Other)`,
    );
    const noHeader = tempFile('noheader.csv', 'job_id,user,gpu_num\n1,u,8\n');
    expect(await errorOf(() => collect(readAcmeJobs(noHeader, new ReadSummary(noHeader))))).toMatch(
      new RegExp(`^error: ${noHeader}:1: header: bad CSV header: .*missing node_num, cpu_num, type, state`),
    );
  });

  it('fuzzed rows: no crash, a clear error or a counted skip', async () => {
    await fuzz(readAcmeJobs, 'fuzz.csv', csvFile(kalos.split(',')));
  });
});

describe('Microsoft Philly cluster_job_log', () => {
  /** Pretty-printed like the README's example entry. */
  const log = `[
    {
        "status": "Pass",
        "vc": "a1b2c3",
        "jobid": "application_1500000000000_0001",
        "attempts": [
            {
                "start_time": "2017-10-01 00:00:30",
                "end_time": "2017-10-01 00:01:30",
                "detail": [
                    {
                        "ip": "m1",
                        "gpus": ["gpu0", "gpu1", "gpu2", "gpu3"]
                    }
                ]
            },
            {
                "start_time": "2017-10-01 00:02:00",
                "end_time": "2017-10-01 01:02:00",
                "detail": [
                    { "ip": "m2", "gpus": ["gpu0", "gpu1", "gpu2", "gpu3", "gpu4", "gpu5", "gpu6", "gpu7"] },
                    { "ip": "m3", "gpus": ["gpu0", "gpu1", "gpu2", "gpu3", "gpu4", "gpu5", "gpu6", "gpu7"] }
                ]
            }
        ],
        "submitted_time": "2017-10-01 00:00:00",
        "user": "d4e5f6"
    },
    {
        "status": "Killed",
        "vc": "a1b2c3",
        "jobid": "application_1500000000000_0002",
        "attempts": [],
        "submitted_time": "2017-10-01 00:05:00",
        "user": "d4e5f6"
    },
    {
        "status": "Failed",
        "vc": "0f0f0f",
        "jobid": "application_1500000000000_0003",
        "attempts": [
            { "start_time": null, "end_time": "None", "detail": [] },
            { "start_time": "2017-12-22 23:00:00", "end_time": null, "detail": [{ "ip": "m9", "gpus": ["gpu0"] }] }
        ],
        "submitted_time": "2017-12-22 22:59:00",
        "user": "aaaaaa"
    }
]
`;

  it('streams jobs from a pretty-printed array (plain and gzip), with attempts, GPUs and run time', async () => {
    for (const path of [tempFile('cluster_job_log', log), tempFile('cluster_job_log.gz', gzipSync(log))]) {
      const summary = new ReadSummary(path);
      const jobs = await collect(readPhillyJobs(path, summary));
      expect(jobs).toHaveLength(3);
      expect(jobs[0]).toEqual({
        jobId: 'application_1500000000000_0001',
        user: 'd4e5f6',
        vc: 'a1b2c3',
        status: 'Pass',
        submitEpochS: Date.UTC(2017, 9, 1) / 1000,
        attempts: [
          { startEpochS: Date.UTC(2017, 9, 1, 0, 0, 30) / 1000, endEpochS: Date.UTC(2017, 9, 1, 0, 1, 30) / 1000, gpus: 4, machines: ['m1'] },
          { startEpochS: Date.UTC(2017, 9, 1, 0, 2) / 1000, endEpochS: Date.UTC(2017, 9, 1, 1, 2) / 1000, gpus: 16, machines: ['m2', 'm3'] },
        ],
        gpus: 16,
        runS: 60 + 3600,
        running: false,
      });
      expect(jobs[1]).toMatchObject({ status: 'Killed', attempts: [], gpus: 0, runS: 0, running: false });
      expect(jobs[2]).toMatchObject({ status: 'Failed', gpus: 1, runS: 0, running: true });
      expect(jobs[2]!.attempts[0]).toEqual({ gpus: 0, machines: [] });
      expect(summary.describe()).toBe(`read 3 rows of ${path}: 3 accepted, 0 skipped`);
    }
  });

  it('reports a malformed job at the line its object starts on, and a broken array as an error', async () => {
    const path = tempFile(
      'bad_log',
      '[\n{"status": "Pass", "vc": "v", "jobid": "j1", "attempts": [], "submitted_time": "2017-10-01 00:00:00", "user": "u"},\n' +
        '{"status": "Running", "vc": "v", "jobid": "j2", "attempts": [], "submitted_time": "2017-10-01 00:00:00", "user": "u"},\n' +
        '{"status": "Pass", "vc": "v", "jobid": "j3", "attempts": [{"start_time": "2017-10-01 01:00:00", "end_time": "2017-10-01 00:00:00", "detail": []}],\n "submitted_time": "2017-10-01 00:00:00", "user": "u"},\n' +
        '{"status": "Pass", "vc": "v", "jobid": "j4" "attempts": []},\n' +
        '{"status": "Pass", "vc": "v", "jobid": "j5", "attempts": [], "submitted_time": "2017-10-01 00:00:09", "user": "u"}\n]\n',
    );
    expect(await errorOf(() => collect(readPhillyJobs(path, new ReadSummary(path))))).toBe(
      `error: ${path}:3: status: malformed row: got "Running" (expected one of Pass, Killed, Failed)`,
    );
    const summary = new ReadSummary(path, 'skip');
    expect((await collect(readPhillyJobs(path, summary))).map((j) => j.jobId)).toEqual(['j1', 'j5']);
    expect(summary.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'status'],
      [4, 'attempts[0].end_time'],
      [6, '(job)'],
    ]);
    const unclosed = tempFile('unclosed', '[\n{"status": "Pass"},\n{"status": "Pass"\n');
    expect(await errorOf(() => collect(readPhillyJobs(unclosed, new ReadSummary(unclosed, 'skip'))))).toBe(
      `error: ${unclosed}:4: the JSON array is not closed (expected a closing ] at the end of the file)`,
    );
    const notArray = tempFile('object', '{"jobs": []}');
    expect(await errorOf(() => collect(readPhillyJobs(notArray, new ReadSummary(notArray))))).toBe(
      `error: ${notArray}:1: not a JSON array: got "{" (expected a file starting with [)`,
    );
  });

  it('fuzzed jobs: no crash, a clear error or a counted skip', async () => {
    const value = fc.oneof(
      fc.constantFrom(null, 'Pass', 'Killed', '2017-10-01 00:00:00', 'None', '', 3, []),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const job = fc.record(
      { status: value, vc: value, jobid: value, attempts: fc.oneof(value, fc.array(fc.record({ start_time: value, end_time: value, detail: value }), { maxLength: 2 })), submitted_time: value, user: value },
      { requiredKeys: [] },
    );
    const file = fc.oneof(
      fc.array(job, { maxLength: 5 }).map((jobs) => JSON.stringify(jobs, null, 1)),
      fc.string({ maxLength: 40 }).map((s) => `[${s}]`),
    );
    await fuzz(readPhillyJobs, 'fuzz_log', file);
  });
});

describe('Alibaba PAI v2020 job, task and group-tag tables (headerless)', () => {
  it('reads rows in the published column order, with percentages as units', async () => {
    const jobs = tempFile('pai_job_table.csv', ['a1b2c3,i1d2,u1,Terminated,4550879.0,4551416.0', 'a1b2c4,i1d3,u1,Running,4550900.0,'].join('\n'));
    const tasks = tempFile(
      'pai_task_table.csv.gz',
      gzipSync(['a1b2c3,worker,2.0,Terminated,4550890.0,4551400.0,600.0,29.296875,50.0,V100', 'a1b2c3,ps,1.0,Terminated,4550890.0,4551400.0,400.0,10.0,,'].join('\n')),
    );
    const tags = tempFile('pai_group_tag_table.csv', 'i1d2,u1,V100,fbeb14d6,bert\ni1d3,u1,,0a0b,\n');
    expect(await collect(readPaiJobs(jobs, new ReadSummary(jobs)))).toEqual([
      { jobName: 'a1b2c3', instId: 'i1d2', user: 'u1', status: 'Terminated', submitS: 4550879, endS: 4551416 },
      { jobName: 'a1b2c4', instId: 'i1d3', user: 'u1', status: 'Running', submitS: 4550900 },
    ]);
    expect(await collect(readPaiTasks(tasks, new ReadSummary(tasks)))).toEqual([
      { jobName: 'a1b2c3', taskName: 'worker', instances: 2, status: 'Terminated', startS: 4550890, endS: 4551400, cpusPerInstance: 6, memoryGBPerInstance: 29.296875, gpusPerInstance: 0.5, gpuType: 'V100' },
      { jobName: 'a1b2c3', taskName: 'ps', instances: 1, status: 'Terminated', startS: 4550890, endS: 4551400, cpusPerInstance: 4, memoryGBPerInstance: 10, gpusPerInstance: 0, gpuType: '' },
    ]);
    expect((await collect(readPaiGroupTags(tags, new ReadSummary(tags)))).map((t) => [t.instId, t.gpuTypeSpec, t.workload])).toEqual([
      ['i1d2', 'V100', 'bert'],
      ['i1d3', '', ''],
    ]);
  });

  it('reports a row with the wrong field count or a bad status by line', async () => {
    const jobs = tempFile('bad_jobs.csv', ['j1,i1,u,Terminated,1.0,2.0', 'j2,i2,u,Done,1.0,2.0', 'j3,i3,u,Failed,1.0', 'j4,i4,u,Failed,5.0,4.0'].join('\n'));
    const summary = new ReadSummary(jobs, 'skip');
    expect((await collect(readPaiJobs(jobs, summary))).map((j) => j.jobName)).toEqual(['j1']);
    expect(summary.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'status'],
      [3, '(record)'],
      [4, 'end_time'],
    ]);
    expect(await errorOf(() => collect(readPaiJobs(jobs, new ReadSummary(jobs))))).toBe(
      `error: ${jobs}:2: status: malformed row: got "Done" (expected one of Running, Terminated, Failed, Waiting)`,
    );
  });

  it('fuzzed rows: no crash, a clear error or a counted skip', async () => {
    const rows = (n: number): fc.Arbitrary<string> =>
      fc.array(fc.array(cell, { minLength: n - 1, maxLength: n + 1 }).map((c) => c.join(',')), { maxLength: 6 }).map((r) => r.join('\n'));
    await fuzz(readPaiTasks, 'fuzz_tasks.csv', rows(10));
    await fuzz(readPaiJobs, 'fuzz_jobs.csv', rows(6));
  });
});

describe('Alibaba spot-GPU v2026 job_info_df.csv', () => {
  const header = 'job_name,organization,gpu_model,cpu_request,gpu_request,worker_num,submit_time,duration,job_type';

  it('reads rows in the published layout', async () => {
    const path = tempFile('job_info_df.csv', [header, '300001,7,A10,20,1,1,0,2764799,HP', '300002,9,A100-SXM4-80GB,15,1,32,9589663,41060,Spot'].join('\n'));
    expect(await collect(readSpotGpuJobs(path, new ReadSummary(path)))).toEqual([
      { jobName: '300001', organization: '7', gpuModel: 'A10', cpusPerWorker: 20, gpusPerWorker: 1, workers: 1, submitS: 0, durationS: 2764799, jobType: 'HP' },
      { jobName: '300002', organization: '9', gpuModel: 'A100-SXM4-80GB', cpusPerWorker: 15, gpusPerWorker: 1, workers: 32, submitS: 9589663, durationS: 41060, jobType: 'Spot' },
    ]);
  });

  it('reports a bad job type and zero workers', async () => {
    const path = tempFile('bad_spot.csv', [header, '1,7,A10,20,1,1,0,10,LP', '2,7,A10,20,1,0,0,10,HP'].join('\n'));
    const summary = new ReadSummary(path, 'skip');
    await collect(readSpotGpuJobs(path, summary));
    expect(summary.issues.map((i) => [i.line, i.field, i.value, i.expected])).toEqual([
      [2, 'job_type', 'LP', 'one of HP, Spot'],
      [3, 'worker_num', '0', 'an integer >= 1'],
    ]);
  });

  it('fuzzed rows: no crash, a clear error or a counted skip', async () => {
    await fuzz(readSpotGpuJobs, 'fuzz_spot.csv', csvFile(header.split(',')));
  });
});
