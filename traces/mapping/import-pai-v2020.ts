import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { badInput } from '../../core/errors.js';
import { readPaiGroupTags, readPaiJobs, readPaiTasks } from '../formats/alibaba-v2020-jobs.js';
import { ReadSummary, type MalformedRowPolicy } from '../read/read-summary.js';
import { TraceWriter } from '../weft/trace-writer.js';
import { ModelClassMapper } from './model-class-rules.js';
import { paiArrival, type PaiJobResources } from './to-arrivals.js';

const ATTRIBUTION = 'Alibaba PAI cluster-trace-gpu-v2020 (alibaba/clusterdata, CC BY 4.0), Weng et al., NSDI 2022';

/** `<dir>/<name>.csv`, or its `.csv.gz`. */
function tableFile(dir: string, name: string, required: boolean): string | undefined {
  for (const candidate of [join(dir, `${name}.csv`), join(dir, `${name}.csv.gz`)]) if (existsSync(candidate)) return candidate;
  if (required) throw badInput('table not found', { file: join(dir, `${name}.csv`), expected: `${name}.csv or ${name}.csv.gz in ${dir}` });
  return undefined;
}

/** The read summaries of the tables. */
export interface PaiImportResult {
  jobs: ReadSummary;
  tasks: ReadSummary;
  tags?: ReadSummary;
  written: number;
  /** Jobs of the job table with no task row: written with 0 GPUs, counted here. */
  jobsWithoutTasks: number;
}

/**
 * Converts the Alibaba PAI v2020 tables in `dir` (`pai_job_table`, `pai_task_table` and, when
 * present, `pai_group_tag_table`, each `.csv` or `.csv.gz`) into a Weft trace. The task table is
 * summed per job and the tags are indexed in memory (memory grows with the number of jobs, not
 * with the task rows); the job table is then streamed, twice (the origin is its earliest
 * submission). On error the output file is not created.
 */
export async function importPaiV2020(
  dir: string,
  output: string,
  options: { policy?: MalformedRowPolicy; mapper?: ModelClassMapper; name?: string } = {},
): Promise<PaiImportResult> {
  const policy = options.policy ?? 'error';
  const mapper = options.mapper ?? new ModelClassMapper();
  const jobFile = tableFile(dir, 'pai_job_table', true)!;
  const taskFile = tableFile(dir, 'pai_task_table', true)!;
  const tagFile = tableFile(dir, 'pai_group_tag_table', false);

  const fractions = new Map<string, PaiJobResources & { gpuFraction: number }>();
  const tasks = new ReadSummary(taskFile, policy);
  for await (const t of readPaiTasks(taskFile, tasks)) {
    const r = fractions.get(t.jobName) ?? { gpus: 0, gpuFraction: 0, cpus: 0, instances: 0, gpuType: '' };
    r.gpuFraction += t.instances * t.gpusPerInstance;
    r.cpus += t.instances * t.cpusPerInstance;
    r.instances += t.instances;
    if (r.gpuType === '') r.gpuType = t.gpuType;
    if (t.startS !== undefined) r.firstStartS = Math.min(r.firstStartS ?? Infinity, t.startS);
    if (t.endS !== undefined) r.lastEndS = Math.max(r.lastEndS ?? -Infinity, t.endS);
    fractions.set(t.jobName, r);
  }
  const workloads = new Map<string, string>();
  const tags = tagFile === undefined ? undefined : new ReadSummary(tagFile, policy);
  if (tagFile !== undefined && tags !== undefined) for await (const g of readPaiGroupTags(tagFile, tags)) if (g.workload !== '') workloads.set(g.instId, g.workload);

  let origin = Infinity;
  for await (const j of readPaiJobs(jobFile, new ReadSummary(jobFile, policy))) origin = Math.min(origin, j.submitS);
  const jobs = new ReadSummary(jobFile, policy);
  const writer = await TraceWriter.open(output, { name: options.name ?? dir, source: 'alibaba-v2020', attribution: ATTRIBUTION });
  let written = 0;
  let jobsWithoutTasks = 0;
  try {
    for await (const j of readPaiJobs(jobFile, jobs)) {
      const r = fractions.get(j.jobName);
      if (r === undefined) jobsWithoutTasks++;
      // Rounding up keeps a job that shares a GPU (plan_gpu < 100) a GPU job.
      let resources: PaiJobResources = { gpus: 0, cpus: 0, instances: 0, gpuType: '' };
      if (r !== undefined) {
        const { gpuFraction, ...summed } = r;
        resources = { ...summed, gpus: Math.ceil(gpuFraction - 1e-9) };
      }
      await writer.write({ kind: 'workload', workload: paiArrival(j, resources, workloads.get(j.instId) ?? '', origin, mapper) });
      written++;
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
  return { jobs, tasks, ...(tags === undefined ? {} : { tags }), written, jobsWithoutTasks };
}
