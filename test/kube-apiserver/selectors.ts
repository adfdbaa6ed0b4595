/**
 * Label and field selectors, parsed from the query string the way the real apiserver reads
 * them. A parse error is a 400 naming the bad requirement.
 */
import { badRequest } from './errors.js';
import { getPath } from './json.js';
import type { KubeObject } from './types.js';

/** A compiled selector: true when the object matches. */
export type Selector = (obj: KubeObject) => boolean;

/** Matches everything (an absent or empty selector). */
export const EVERYTHING: Selector = () => true;

/** Splits on commas that are not inside `( ... )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const SET_RE = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(([^)]*)\)$`);
const EQ_RE = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*([-A-Za-z0-9_.]*)$`);
const EXISTS_RE = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

/** Compiles a label selector: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`. */
export function parseLabelSelector(text: string | null): Selector {
  if (text === null || text.trim() === '') return EVERYTHING;
  const reqs = splitTopLevel(text).map((req): Selector => {
    const labels = (o: KubeObject): Record<string, string> => o.metadata.labels ?? {};
    let m = SET_RE.exec(req);
    if (m !== null) {
      const key = m[1]!;
      const values = new Set(
        m[4]!
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      );
      return m[3] === 'in'
        ? (o) => key in labels(o) && values.has(labels(o)[key]!)
        : (o) => !(key in labels(o)) || !values.has(labels(o)[key]!);
    }
    m = EQ_RE.exec(req);
    if (m !== null) {
      const key = m[1]!;
      const value = m[4]!;
      // `!=` also matches objects without the label, as in labels.Selector.
      return m[3] === '!=' ? (o) => labels(o)[key] !== value : (o) => labels(o)[key] === value;
    }
    m = EXISTS_RE.exec(req);
    if (m !== null) {
      const key = m[2]!;
      return m[1] === '!' ? (o) => !(key in labels(o)) : (o) => key in labels(o);
    }
    throw badRequest(`unable to parse requirement: invalid label selector ${JSON.stringify(req)}`);
  });
  return (o) => reqs.every((r) => r(o));
}

/** Field paths a field selector may name (the ones the operator uses, plus Events' lookups). */
export const SUPPORTED_FIELDS: ReadonlySet<string> = new Set([
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.schedulerName',
  'status.phase',
  'involvedObject.kind',
  'involvedObject.name',
  'involvedObject.namespace',
  'involvedObject.uid',
  'reason',
  'type',
]);

/** Compiles a field selector: comma-separated `path=value`, `path==value`, `path!=value`. */
export function parseFieldSelector(text: string | null): Selector {
  if (text === null || text.trim() === '') return EVERYTHING;
  const reqs = splitTopLevel(text).map((req): Selector => {
    const m = /^([A-Za-z.]+)\s*(==|=|!=)\s*(.*)$/.exec(req);
    if (m === null) throw badRequest(`invalid field selector requirement ${JSON.stringify(req)}`);
    const field = m[1]!;
    if (!SUPPORTED_FIELDS.has(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    const path = field.split('.');
    const value = m[3]!.trim();
    // A missing field reads as "", so `spec.nodeName=` selects unscheduled pods.
    const read = (o: KubeObject): string => {
      const v = getPath(o, path);
      return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
    };
    return m[2] === '!=' ? (o) => read(o) !== value : (o) => read(o) === value;
  });
  return (o) => reqs.every((r) => r(o));
}
