/** `weft model serve --kv-fabric network`: the KV transfers of disaggregated serving on the fabric-sim network. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';

const base = ['model', 'serve', '--model', 'llama-3-8b', '--gpu', 'h100-sxm', '--disaggregate', '2:2', '--rate', '20', '--requests', '40', '--prompt', '3000', '--output', '8', '--json'];

describe('weft model serve --kv-fabric', () => {
  it('moves the same KV bytes on either fabric, and a 16:1 cluster spec raises TTFT', async () => {
    const alphaBeta = await cli(base);
    const network = await cli([...base, '--kv-fabric', 'network']);
    expect(alphaBeta.code).toBe(0);
    expect(network.code).toBe(0);
    type Out = { summary: { kvTransferBytes: number; ttft: { meanNs: number } } };
    const [a, n] = [JSON.parse(alphaBeta.out) as Out, JSON.parse(network.out) as Out];
    expect(n.summary.kvTransferBytes).toBe(a.summary.kvTransferBytes);
    const dir = mkdtempSync(join(tmpdir(), 'weft-kv-'));
    const spec = join(dir, 'oversubscribed.yaml');
    writeFileSync(
      spec,
      'name: oversubscribed\nservers:\n  - { count: 4, gpuType: h100, gpusPerServer: 8 }\ntopology: { kind: leaf-spine, hostsPerLeaf: 16, oversubscription: 16 }\nlinkSpeedGbps: 100\n',
    );
    const slow = await cli([...base, '--kv-fabric', 'network', '--cluster', spec]);
    expect(slow.code).toBe(0);
    expect((JSON.parse(slow.out) as Out).summary.ttft.meanNs).toBeGreaterThan(1.5 * n.summary.ttft.meanNs);
  });

  it('rejects an unknown fabric, --cluster without it, and alpha-beta flags with it (exit 2)', async () => {
    expect((await cli([...base, '--kv-fabric', 'packet'])).err).toMatch(/--kv-fabric/);
    expect((await cli([...base, '--cluster', 'x.yaml'])).err).toMatch(/--cluster/);
    const mixed = await cli([...base, '--kv-fabric', 'network', '--oversubscription', '4']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/--oversubscription/);
  });
});
