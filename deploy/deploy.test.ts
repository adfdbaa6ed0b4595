/**
 * The manifests of `deploy/` applied with the real kubectl to the API-compatible test server:
 * CRDs are accepted and served, the samples validate against their schemas, printer columns
 * show, schema violations are refused. RBAC and the operator Deployment use kinds the test
 * server does not serve (rbac.authorization.k8s.io, apps/v1, ServiceAccount), so they are
 * checked for consistency here instead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl, type KubectlEnv } from '../test/kube-apiserver/kubectl.js';
import { KubeApiServer } from '../test/kube-apiserver/server.js';
import { DEPLOY_DIR, readManifests, readManifestText } from './manifests.js';

interface CrdVersion {
  name: string;
  subresources?: { status?: object };
  additionalPrinterColumns?: { name: string; jsonPath: string }[];
  schema: { openAPIV3Schema: { properties: { spec: { required: string[]; properties: Record<string, unknown> } } } };
}

describe('deploy/ manifests', () => {
  let api: KubeApiServer;
  let env: KubectlEnv;

  beforeAll(async () => {
    api = await KubeApiServer.start();
    const dir = await mkdtemp(join(tmpdir(), 'weft-deploy-'));
    env = { dir, kubeconfig: await api.writeKubeconfig(dir) };
  });

  afterAll(async () => {
    await api.stop();
    await rm(env.dir, { recursive: true, force: true });
  });

  it('kubectl applies the namespace, both CRDs and both samples', async () => {
    const base = await kubectl(env, ['apply', '-f', join(DEPLOY_DIR, 'namespace.yaml'), '-f', join(DEPLOY_DIR, 'crds')]);
    expect(base.stderr).toBe('');
    expect(base.stdout).toContain('customresourcedefinition.apiextensions.k8s.io/modeldeployments.weft.dev created');
    expect(base.stdout).toContain('customresourcedefinition.apiextensions.k8s.io/finetunejobs.weft.dev created');
    const samples = await kubectl(env, ['apply', '-f', join(DEPLOY_DIR, 'samples')]);
    expect(samples.stderr).toBe('');
    expect(samples.stdout).toContain('finetunejob.weft.dev/llama-3-8b-support-lora created');
    expect(samples.stdout).toContain('modeldeployment.weft.dev/llama-3-8b-chat created');
  });

  it('kubectl get shows the printer columns, short names and the weft category', async () => {
    const md = await kubectl(env, ['get', 'md']);
    expect(md.stderr).toBe('');
    const lines = md.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+MODEL\s+REPLICAS\s+TARGET\s+SCHEDULED\s+PLANNED\s+SLO\s+AGE$/);
    // Sized by the planner: no spec.replicas, and no operator runs here to fill in the status.
    expect(lines[1]).toMatch(/^llama-3-8b-chat\s+llama-3-8b\s+\d+s$/);
    const ftj = await kubectl(env, ['get', 'ftj']);
    expect(ftj.stdout.split('\n')[0]).toMatch(/^NAME\s+BASE\s+METHOD\s+GPUS\s+WORKERS\s+DEADLINE\s+SCHEDULED\s+AGE$/);
    expect(ftj.stdout).toMatch(/llama-3-8b-support-lora\s+llama-3-8b\s+lora\s+2026-12-31T00:00:00Z/);
  });

  it('refuses CRs that break the schema, naming the field', async () => {
    const bad = readManifestText('samples/finetunejob-lora.yaml').replace('method: lora', 'method: sft').replace('name: llama-3-8b-support-lora', 'name: bad-method');
    const res = await kubectl(env, ['apply', '-f', '-'], bad);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('spec.method');
    const noTemplate = 'apiVersion: weft.dev/v1alpha1\nkind: ModelDeployment\nmetadata:\n  name: no-template\nspec:\n  model: llama-3-8b\n';
    const res2 = await kubectl(env, ['apply', '-f', '-'], noTemplate);
    expect(res2.code).not.toBe(0);
    expect(res2.stderr).toContain('spec.template');
    const typo = readManifestText('samples/modeldeployment-vllm.yaml').replace('maxReplicas: 8', 'maxReplicas: 8\n  gpusPerReplcia: 1');
    const res3 = await kubectl(env, ['apply', '-f', '-'], typo);
    expect(res3.code).not.toBe(0);
    expect(res3.stderr).toContain('gpusPerReplcia');
  });

  it('CRDs: weft.dev v1alpha1, status subresource, printer columns and the fields of issue 10', () => {
    const [md] = readManifests('crds/weft.dev_modeldeployments.yaml');
    const [ft] = readManifests('crds/weft.dev_finetunejobs.yaml');
    for (const crd of [md!, ft!]) {
      expect(crd.apiVersion).toBe('apiextensions.k8s.io/v1');
      const spec = crd.spec as { group: string; versions: CrdVersion[] };
      expect(spec.group).toBe('weft.dev');
      expect(spec.versions.map((v) => v.name)).toEqual(['v1alpha1']);
      expect(spec.versions[0]!.subresources?.status).toEqual({});
      expect(spec.versions[0]!.additionalPrinterColumns?.length).toBeGreaterThan(3);
    }
    const mdSpec = (md!.spec as { versions: CrdVersion[] }).versions[0]!.schema.openAPIV3Schema.properties.spec;
    expect(Object.keys(mdSpec.properties).sort()).toEqual(
      ['autoscaling', 'gpuType', 'gpusPerReplica', 'load', 'maxReplicas', 'minReplicas', 'model', 'priority', 'replicas', 'requestTrace', 'slo', 'template'].sort(),
    );
    const ftSpec = (ft!.spec as { versions: CrdVersion[] }).versions[0]!.schema.openAPIV3Schema.properties.spec;
    for (const field of ['baseModel', 'method', 'datasetTokens', 'minGpus', 'maxGpus', 'deadline', 'priority', 'checkpoint', 'template']) {
      expect(ftSpec.properties).toHaveProperty(field);
    }
  });

  it('the operator Deployment runs as the RBAC ServiceAccount with probes on a declared port', () => {
    const rbac = readManifests('rbac.yaml');
    const [deployment] = readManifests('operator.yaml');
    const sa = rbac.find((m) => m.kind === 'ServiceAccount')!;
    const pod = (deployment!.spec as { template: { spec: PodSpecLike } }).template.spec;
    expect(pod.serviceAccountName).toBe(sa.metadata.name);
    expect(deployment!.metadata.namespace).toBe(sa.metadata.namespace);
    const container = pod.containers[0]!;
    const ports = new Set(container.ports.map((p) => p.name));
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz' });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz' });
    expect(ports.has(container.livenessProbe.httpGet.port)).toBe(true);
    expect(ports.has(container.readinessProbe.httpGet.port)).toBe(true);
    const healthPort = container.ports.find((p) => p.name === container.livenessProbe.httpGet.port)!.containerPort;
    expect(container.args).toContain(`--health-port=${healthPort}`);
    // Both bindings name the ServiceAccount.
    for (const binding of rbac.filter((m) => m.kind.endsWith('Binding'))) {
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace }]);
    }
  });
});

interface PodSpecLike {
  serviceAccountName: string;
  containers: {
    args: string[];
    ports: { name: string; containerPort: number }[];
    livenessProbe: { httpGet: { path: string; port: string } };
    readinessProbe: { httpGet: { path: string; port: string } };
  }[];
}
