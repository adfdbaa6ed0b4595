/**
 * Live latency and elastic scaling end to end: replica pods get loopback IPs from a stand-in
 * kubelet, each IP serves a fake vLLM /metrics (real Prometheus text), and the operator's
 * SLOMet condition, status.latency and elastic target follow what those metrics say; with no
 * metrics it falls back to the replica model's prediction and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import type { KubeObject } from '../test/kube-apiserver/types.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { Operator } from './operator.js';
import { addNode, EVENTS, invariantViolations, modelDeployment, modelDeployments, PODS, startCluster, storedPods } from './testing/cluster.js';
import { FakeVllm } from './testing/fake-vllm.js';
import { EVERYTHING } from '../test/kube-apiserver/selectors.js';

interface Status {
  targetReplicas?: number;
  scheduledReplicas?: number;
  latency?: { source: string; ttftP99?: string; tpotP99?: string; requestsPerSec?: number; requestsWaiting?: number; podsScraped?: string };
  conditions?: { type: string; status: string; reason: string; message: string }[];
}

describe('live latency from vLLM metrics', () => {
  let api: KubeApiServer | undefined;
  let operator: Operator | undefined;
  let kubelet: ReturnType<typeof setInterval> | undefined;
  const engines: FakeVllm[] = [];

  afterEach(async () => {
    clearInterval(kubelet);
    await operator?.stop();
    await api?.stop();
    await Promise.all(engines.map((e) => e.close()));
    engines.length = 0;
  });

  it('SLOMet and status.latency come from the replicas\' histograms over the window; the KPA policy scales on their queues; no metrics: the prediction, said so', async () => {
    const cluster = await startCluster();
    api = cluster.api;
    const a = cluster.api;
    for (let i = 0; i < 2; i++) addNode(a, { name: `h${i}`, gpus: 8, gpuType: 'h100-sxm', leaf: `leaf-${i}` });
    // One fake engine per replica IP, all on the same port (as replicas of one template are).
    const ipOf = (pod: string): string => `127.0.0.${10 + Number(/-(\d+)$/.exec(pod)![1])}`;
    const first = new FakeVllm();
    const port = await first.listen('127.0.0.10', 0);
    engines.push(first);
    for (let i = 1; i < 4; i++) {
      const e = new FakeVllm();
      await e.listen(`127.0.0.${10 + i}`, port);
      engines.push(e);
    }
    // The kubelet's part: bound pods run and get an IP. "dark" pods get an IP nothing listens on.
    kubelet = setInterval(() => {
      for (const pod of storedPods(a)) {
        const spec = pod.spec as { nodeName?: string };
        const status = (pod.status ?? {}) as { podIP?: string };
        if (spec.nodeName === undefined || status.podIP !== undefined || pod.metadata.deletionTimestamp !== undefined) continue;
        const name = pod.metadata.name ?? '';
        const podIP = name.startsWith('dark-') ? '127.0.0.99' : ipOf(name);
        a.store.update(PODS, 'default', name, { ...pod, status: { ...status, phase: 'Running', podIP } }, { subresource: 'status' });
      }
    }, 20);
    // 4 requests running on each of the first two replicas from the start: the KPA (4 in flight
    // per replica) holds 2 replicas while no request has finished yet.
    engines[0]!.setQueue(0, 4);
    engines[1]!.setQueue(0, 4);
    operator = new Operator({ kubeConfig: cluster.kubeConfig, leaderElection: false, log: () => undefined, liveIntervalMs: 150, scrapeTimeoutMs: 1_000 });
    await operator.start();
    const rt = modelDeployments(a);
    const template = { image: 'vllm/vllm-openai:v0.6.3', resources: { requests: { cpu: '4', memory: '32Gi' } }, metricsPort: port };
    a.store.create(rt, 'default', modelDeployment('llm', {
      replicas: 2, gpusPerReplica: 1, gpuType: 'h100-sxm', minReplicas: 1, maxReplicas: 4,
      slo: { ttftP99: '300ms', tpotP99: '50ms' },
      load: { qps: 10, promptTokens: 512, outputTokens: 128 },
      autoscaling: { policy: 'kpa', targetConcurrency: 4, window: '1s', scaleDownDelay: '0s' },
      template,
    }));
    // Replicas whose IP answers nothing: the prediction stands in.
    a.store.create(rt, 'default', modelDeployment('dark', { replicas: 1, gpusPerReplica: 1, gpuType: 'h100-sxm', load: { qps: 5 }, template }));
    const status = (name: string): Status => (a.store.get(rt, 'default', name).status ?? {});
    const slo = (name: string) => status(name).conditions?.find((c) => c.type === 'SLOMet');

    // Before any request: no window, so the prediction at the expected load, with the reason.
    await waitUntil('llm predicted', () => status('llm').scheduledReplicas === 2 && status('llm').latency?.source === 'prediction', 10_000);
    expect(slo('llm')?.reason).toMatch(/^Prediction(Meet|Miss)SLO$/);
    expect(slo('llm')?.message).toContain("from the replica model's prediction at the expected 10 req/s over 2 replicas");
    await waitUntil('dark predicted', () => status('dark').latency?.podsScraped === '0/1', 10_000);
    expect(status('dark').latency?.source).toBe('prediction');

    // Fast requests on both replicas: every TTFT 50 ms, in vLLM's (0.04, 0.06] bucket, so the
    // windowed p99 is 0.04 + 0.02 x 0.99 = 59.8 ms whatever the split between the replicas.
    for (let r = 0; r < 100; r++) engines[r % 2]!.observe(0.05, 0.02, 3);
    // A later tick may scrape only one replica (a scrape that times out under load), so wait for
    // a tick that read both and assert on that one snapshot, not on reads from different ticks.
    // A replica enters the window at its second scrape: a tick can read both replicas while the
    // window holds one (the message says 1/2), so wait for the window to hold both as well.
    await waitUntil('llm from metrics', () => {
      const now = status('llm');
      const met = now.conditions?.find((c) => c.type === 'SLOMet');
      return now.latency?.source === 'metrics' && now.latency.podsScraped === '2/2' && met?.status === 'True' && met.message.includes('of 2/2 replicas');
    }, 10_000).catch((e: unknown) => {
      throw new Error(`${String(e)} ${JSON.stringify(status('llm'))} scrapes ${engines.map((x) => x.scrapes).join(',')}`);
    });
    const fromMetrics = status('llm');
    const sloFromMetrics = fromMetrics.conditions?.find((c) => c.type === 'SLOMet');
    expect(fromMetrics.latency).toMatchObject({ source: 'metrics', ttftP99: '59.8ms', podsScraped: '2/2' });
    // TPOT: 200 gaps of 20 ms in (0.01, 0.025]: 0.01 + 0.015 x 0.99.
    expect(fromMetrics.latency?.tpotP99).toBe('24.9ms');
    expect(sloFromMetrics).toMatchObject({ reason: 'MetricsMeetSLO' });
    expect(sloFromMetrics?.message).toMatch(/TTFT p99 59\.8ms <= 300\.0ms, TPOT p99 24\.9ms <= 50\.0ms; from vLLM metrics of 2\/2 replicas over 1s \(\d+ requests\)/);

    expect(status('llm').targetReplicas).toBe(2);
    // Slow and queued: TTFTs of 1.2 s, 20 waiting per replica. SLOMet turns False and the KPA
    // wants ceil(48 / 4) = 12, clamped to maxReplicas 4.
    for (let r = 0; r < 100; r++) engines[r % 2]!.observe(1.2, 0.02, 3);
    engines[0]!.setQueue(20, 4);
    engines[1]!.setQueue(20, 4);
    await waitUntil('SLO missed', () => slo('llm')?.status === 'False', 10_000);
    expect(slo('llm')?.reason).toBe('MetricsMissSLO');
    await waitUntil('scaled to 4', () => status('llm').targetReplicas === 4 && status('llm').scheduledReplicas === 4, 10_000);
    const events = a.store.list(EVENTS, 'default', EVERYTHING).filter((e) => (e.involvedObject as { name: string }).name === 'llm') as unknown as { reason: string; message: string }[];
    expect(events.find((e) => e.reason === 'Autoscaled')?.message).toMatch(/^target replicas 2 -> 4: kpa policy at [\d.]+ req\/s, 48 in flight \(from metrics\)$/);

    // The queues drain and no request comes: KPA halves at most per decision, down to minReplicas 1.
    for (const e of engines) e.setQueue(0, 0);
    await waitUntil('scaled to 1', () => status('llm').targetReplicas === 1 && storedPods(a).filter((p: KubeObject) => p.metadata.labels?.['weft.dev/model-deployment'] === 'llm').length === 1, 15_000);
    expect(invariantViolations(a, { settled: true })).toEqual([]);
    // Every decision went through the Prometheus counters.
    const text = await operator.metrics.registry.metrics();
    expect(text).toMatch(/weft_operator_decisions_total\{decision="scale_up"\} [1-9]/);
    expect(text).toMatch(/weft_operator_decisions_total\{decision="scale_down"\} [1-9]/);
    expect(text).toMatch(/weft_operator_slo_met\{namespace="default",deployment="dark",source="prediction"\}/);
  }, 40_000);
});
