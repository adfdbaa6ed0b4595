/**
 * meta.k8s.io/v1 Table responses (what `kubectl get` asks for): Name, then the CRD's
 * additionalPrinterColumns, or Name + Age for everything else.
 */
import { isObject, type JsonObject } from './json.js';
import type { PrinterColumn, ResourceType } from './resources.js';
import type { KubeObject } from './types.js';

/** True when the Accept header asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** Kubernetes' short human duration (`45s`, `3m12s`, `5h`, `2d`). */
export function humanAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  return d < 8 && h % 24 !== 0 ? `${d}d${h % 24}h` : `${d}d`;
}

const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

function columnsOf(rt: ResourceType): PrinterColumn[] {
  return rt.printerColumns ?? [AGE];
}

/**
 * Evaluates the JSONPath subset printer columns use: `.a.b`, `.a[0].b`, and
 * `.a[?(@.type=="Ready")].status`. Returns undefined when any step is missing.
 */
export function evalJsonPath(obj: unknown, path: string): unknown {
  const steps = path.replace(/^\{?\.?/, '').replace(/\}$/, '');
  const re = /([^.[\]]+)|\[(\d+)\]|\[\?\(@\.([\w.]+)\s*==\s*["']([^"']*)["']\)\]/g;
  let cur: unknown = obj;
  for (const m of steps.matchAll(re)) {
    if (m[1] !== undefined) cur = isObject(cur) ? cur[m[1]] : undefined;
    else if (m[2] !== undefined) cur = Array.isArray(cur) ? (cur[Number(m[2])] as unknown) : undefined;
    else {
      const field = m[3]!;
      const want = m[4];
      cur = Array.isArray(cur) ? cur.find((e) => isObject(e) && String(e[field]) === want) : undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

function cell(col: PrinterColumn, obj: KubeObject, now: number): unknown {
  const v = evalJsonPath(obj, col.jsonPath);
  if (v === undefined || v === null) return null;
  if (col.type === 'date' && typeof v === 'string') return humanAge(now - Date.parse(v));
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** The column definitions of `rt`'s table. */
export function columnDefinitions(rt: ResourceType): JsonObject[] {
  return [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
    ...columnsOf(rt).map((c) => ({
      name: c.name,
      type: c.type === 'date' ? 'string' : c.type,
      format: c.format ?? '',
      description: c.description ?? '',
      priority: c.priority ?? 0,
    })),
  ];
}

/** One row: the cells and the object's metadata as PartialObjectMetadata. */
export function tableRow(rt: ResourceType, obj: KubeObject, now = Date.now()): JsonObject {
  return {
    cells: [obj.metadata.name ?? '', ...columnsOf(rt).map((c) => cell(c, obj, now))],
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
  };
}

/** A Table of `objects` at list resourceVersion `rv`. */
export function toTable(rt: ResourceType, objects: readonly KubeObject[], rv: string): JsonObject {
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: rv },
    columnDefinitions: columnDefinitions(rt),
    rows: objects.map((o) => tableRow(rt, o, now)),
  };
}
