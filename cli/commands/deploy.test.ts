import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';
import { catalogGpuFor } from './deploy.js';

interface DeployJson {
  outcome: string;
  screened: number;
  chosen: { meets: boolean; simulatedTtftP99Ns: number; candidate: { gpu: string; tp: number; replicas: number } } | null;
  placement: { placed: { replica: string; node: string; leaf: number }[] } | null;
  verified: unknown[];
  reason: string;
}

describe('weft deploy', () => {
  it('sizes, verifies by simulation and places a deployment on the default cluster (exit 0)', { timeout: 120_000 }, async () => {
    const { code, out } = await cli(['deploy', 'llama-3-8b', '--slo', 'ttft-p99=300ms,tpot-p99=50ms', '--load', 'qps=20', '--requests', '2000', '--verify-top', '2', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as DeployJson;
    expect(result.outcome).toBe('met');
    expect(result.chosen!.meets).toBe(true);
    expect(result.chosen!.simulatedTtftP99Ns).toBeLessThanOrEqual(300e6);
    expect(result.verified).toHaveLength(2);
    // Every replica placed, on the cluster's nodes, spread over both leaves when there are two or more.
    const placed = result.placement!.placed;
    expect(placed).toHaveLength(result.chosen!.candidate.replicas);
    if (placed.length >= 2) expect(new Set(placed.map((p) => p.leaf)).size).toBe(2);
  });

  it('exits 3 with the nearest candidates when no configuration can meet the SLO', async () => {
    const { code, out } = await cli(['deploy', 'llama-3-8b', '--slo', 'ttft-p99=2ms', '--load', 'qps=5']);
    expect(code).toBe(3);
    expect(out).toMatch(/no deployment: no candidate meets the SLO; nearest h100-sxm .*ttft-p99 [\d.]+ ms > 1\.8 ms allowed/);
  });

  it('rejects bad input with one line and exit 2', async () => {
    for (const [args, pattern] of [
      [['deploy', 'llama-9', '--slo', 'ttft-p99=300ms', '--load', 'qps=5'], /unknown model/i],
      [['deploy', 'llama-3-8b', '--slo', 'ttft-p99=300', '--load', 'qps=5'], /malformed duration.*300/],
      [['deploy', 'llama-3-8b', '--slo', 'ttft-p99=300ms', '--load', 'qps=fast'], /malformed load|unrecognised trace format/],
      [['deploy', 'llama-3-8b', '--slo', 'ttft-p99=300ms', '--load', 'qps=5', '--gpu', 'a100'], /GPU type not in the cluster/],
    ] as const) {
      const { code, err } = await cli([...args]);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(pattern);
    }
  });

  it('maps cluster GPU type names onto catalog keys', () => {
    expect(catalogGpuFor('h100')).toBe('h100-sxm');
    expect(catalogGpuFor('B200')).toBe('b200');
    expect(catalogGpuFor('a100')).toBe('a100-80g-sxm');
    expect(catalogGpuFor('tpu')).toBeUndefined();
  });
});
