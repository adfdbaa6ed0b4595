import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../../traces/samples/locate.js';
import { cli } from '../testing/cli-harness.js';
import type { JobReplayDocument } from './replay-jobs.js';

/*
 * `weft replay` over every public job-trace format. No sample of most job tables is on hand, so
 * the rows are written in each trace's published layout (as in traces/formats/job-traces.test.ts),
 * with made-up values; Pollux uses its real sample.
 */
const dir = mkdtempSync(join(tmpdir(), 'weft-replay-formats-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const cluster = file('cluster.yaml', `name: 8x8-h100
servers: [{ count: 8, gpuType: h100, gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }]
topology: { kind: leaf-spine, hostsPerLeaf: 16, oversubscription: 2 }
linkSpeedGbps: 400
`);

const helios = file('cluster_log.csv', [
  'job_id,user,vc,gpu_num,cpu_num,node_num,state,submit_time,start_time,end_time,duration,queue',
  '2001,uAbcd,vcEfgh,8,32,1,COMPLETED,2020-07-01 10:00:00,2020-07-01 10:05:00,2020-07-01 12:05:00,7200,300',
  '2002,uAbcd,vcEfgh,0,4,1,CANCELLED,2020-07-01 10:01:00,2020-07-01 10:01:00,2020-07-01 10:02:30,90,0',
  '2003,uWxyz,vcIjkl,16,64,2,NODE_FAIL,2020-07-02 23:59:59,2020-07-03 00:00:09,2020-07-03 01:00:09,3600,10',
  '2004,uWxyz,vcIjkl,128,64,16,COMPLETED,2020-07-03 00:00:00,2020-07-03 00:00:09,2020-07-03 01:00:09,3600,10',
].join('\n'));
const acme = file('trace_seren.csv', [
  'job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,end_time,duration,queue,gpu_time',
  '6000001,u1234,2,16,256,Pretrain,COMPLETED,2023-04-02 08:00:00+08:00,2023-04-02 08:00:40+08:00,2023-04-02 10:00:40+08:00,7200,40,115200.0',
  '6000002,u1234,1,0,8,Other,FAILED,2023-04-02 08:01:00+08:00,2023-04-02 08:01:01+08:00,2023-04-02 08:01:31+08:00,30,1,0.0',
  '6000003,u5678,1,8,64,Evaluation,COMPLETED,2023-04-02 08:02:00+08:00,2023-04-02 08:02:05+08:00,2023-04-02 08:12:05+08:00,600,5,4800.0',
].join('\n'));
const philly = file('cluster_job_log', JSON.stringify([
  {
    status: 'Pass', vc: 'a1b2c3', jobid: 'application_1500000000000_0001', submitted_time: '2017-10-01 00:00:00', user: 'd4e5f6',
    attempts: [{ start_time: '2017-10-01 00:02:00', end_time: '2017-10-01 01:02:00', detail: [{ ip: 'm2', gpus: ['gpu0', 'gpu1', 'gpu2', 'gpu3', 'gpu4', 'gpu5', 'gpu6', 'gpu7'] }, { ip: 'm3', gpus: ['gpu0', 'gpu1', 'gpu2', 'gpu3', 'gpu4', 'gpu5', 'gpu6', 'gpu7'] }] }],
  },
  { status: 'Killed', vc: 'a1b2c3', jobid: 'application_1500000000000_0002', attempts: [], submitted_time: '2017-10-01 00:05:00', user: 'd4e5f6' },
], null, 2));
const spot = file('job_info_df.csv', [
  'job_name,organization,gpu_model,cpu_request,gpu_request,worker_num,submit_time,duration,job_type',
  '300001,7,A10,20,1,1,0,2764,HP',
  '300002,9,A100-SXM4-80GB,15,1,32,600,4106,Spot',
].join('\n'));
const pai = join(dir, 'pai');
mkdirSync(pai);
writeFileSync(join(pai, 'pai_job_table.csv'), ['a1b2c3,i1d2,u1,Terminated,4550879.0,4551416.0', 'a1b2c4,i1d3,u1,Running,4550900.0,'].join('\n'));
writeFileSync(join(pai, 'pai_task_table.csv'), ['a1b2c3,worker,2.0,Terminated,4550890.0,4551400.0,600.0,29.296875,50.0,V100', 'a1b2c3,ps,1.0,Terminated,4550890.0,4551400.0,400.0,10.0,,'].join('\n'));
writeFileSync(join(pai, 'pai_group_tag_table.csv'), 'i1d2,u1,V100,fbeb14d6,bert\ni1d3,u1,,0a0b,\n');

const cases: [string, string, number][] = [
  ['helios', helios, 4],
  ['acme', acme, 3],
  ['philly', philly, 2],
  ['alibaba-v2026-spot', spot, 2],
  ['alibaba-v2020', pai, 2],
  ['pollux', samplePath('pollux/workload-6.csv'), 160],
];

describe('weft replay over every job-trace format', () => {
  it.each(cases)('%s: every row is accounted for (finished, waiting, unplaceable, or not replayed with a reason)', async (format, path, rows) => {
    const result = await cli(['replay', path, '--format', format, '--cluster', cluster, '--json']);
    expect(result.code, result.err).toBe(0);
    const report = (JSON.parse(result.out) as JobReplayDocument).reports[0]!;
    const { jobs } = report;
    const sum = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((s, n) => s + n, 0);
    expect(jobs.rows).toBe(rows);
    expect(jobs.replayed + sum(jobs.skipped)).toBe(rows);
    expect(jobs.finished + jobs.stillWaiting + sum(jobs.unplaceable)).toBe(jobs.replayed);
    expect(jobs.finished).toBeGreaterThan(0);
  });
});
