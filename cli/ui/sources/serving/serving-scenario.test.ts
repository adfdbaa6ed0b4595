import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeRequests } from '../../../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../../../fabric-sim/workload/inference-request.js';
import { readAzureLlmTrace } from '../../../../traces/formats/azure-llm.js';
import { ReadSummary } from '../../../../traces/read/read-summary.js';
import { samplePath } from '../../../../traces/samples/locate.js';
import { loadDashboardScenario } from '../scenario-file.js';
import { planServingScenario } from './serving-scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-serving-scenario-'));

async function plan(yaml: string) {
  const path = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, yaml);
  const loaded = loadDashboardScenario(path);
  if (loaded.kind !== 'serving') throw new Error('expected a serving scenario');
  return { path, plans: await planServingScenario(loaded.scenario, loaded.file, loaded.text, 1) };
}

describe('serving scenarios', () => {
  it('read a trace relative to the scenario file, the first `requests` of it, `speedup` times faster', async () => {
    const trace = samplePath('azure2023/AzureLLMInferenceTrace_conv.csv.gz');
    const { plans } = await plan(`kind: serving\ndeployments:\n  - { name: conv, model: llama-3-8b, gpu: h100-sxm, trace: ${relative(dir, trace)}, requests: 200, speedup: 2 }\n`);
    const direct: InferenceRequest[] = [];
    for await (const r of takeRequests(readAzureLlmTrace(trace, new ReadSummary(trace)), 200)) direct.push(r);
    const got = [...plans[0]!.requests];
    expect(got).toHaveLength(200);
    expect(got.map((r) => r.arrivalNs)).toEqual(direct.map((r) => Math.round(r.arrivalNs / 2)));
    expect(got.map((r) => r.promptTokens)).toEqual(direct.map((r) => r.promptTokens));
    expect(plans[0]!.description).toBe('llama-3-8b on 1 x h100-sxm');
  });

  it('generate the synthetic stream model serve would, with its defaults', async () => {
    const { plans } = await plan('kind: serving\ndeployments:\n  - { name: a, model: llama-3-8b, gpu: h100-sxm, tp: 2, rate: 50 }\n');
    const requests = [...plans[0]!.requests];
    expect(requests).toHaveLength(1000);
    expect(requests.every((r) => r.promptTokens === 1024 && r.outputTokens === 128)).toBe(true);
    // Poisson at 50/s: the mean gap is 20 ms (within 10% over 999 gaps).
    const meanGapNs = requests.at(-1)!.arrivalNs / 999;
    expect(Math.abs(meanGapNs / 20e6 - 1)).toBeLessThan(0.1);
    expect(plans[0]!.gpusPerReplica).toBe(2);
  });

  it('name the line and field of an unreadable trace or a parallelism that does not fit the model', async () => {
    await expect(plan('kind: serving\ndeployments:\n  - name: a\n    model: llama-3-8b\n    gpu: h100-sxm\n    trace: missing.csv\n')).rejects.toMatchObject({
      details: { line: 6, field: 'deployments[0].trace' },
    });
    await expect(plan('kind: serving\ndeployments:\n  - name: a\n    model: llama-3-8b\n    gpu: h100-sxm\n    tp: 3\n')).rejects.toMatchObject({
      message: expect.stringMatching(/tp=3 does not divide/) as unknown,
      details: { field: 'deployments[0].tp', value: 3 },
    });
  });
});
