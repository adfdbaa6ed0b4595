/**
 * Reads the manifests of `deploy/` as plain objects, for tests and for the operator's own
 * checks (the RBAC comparison). Multi-document YAML files give one object per document.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** The `deploy/` folder (next to this file in the repository, and in the npm package). */
export const DEPLOY_DIR = dirname(fileURLToPath(import.meta.url));

/** A Kubernetes manifest as parsed from YAML. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * Every document of `deploy/<relativePath>`.
 *
 * @example
 * const [crd] = readManifests('crds/weft.dev_modeldeployments.yaml');
 * @throws Error naming the file and document when YAML does not parse or a document lacks kind/name.
 */
export function readManifests(relativePath: string): Manifest[] {
  const file = join(DEPLOY_DIR, relativePath);
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  return docs.map((doc, i) => {
    if (doc.errors.length > 0) throw new Error(`${file}: document ${i + 1}: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (!isManifest(value)) throw new Error(`${file}: document ${i + 1}: expected apiVersion, kind and metadata.name`);
    return value;
  });
}

/** The text of `deploy/<relativePath>`. */
export function readManifestText(relativePath: string): string {
  return readFileSync(join(DEPLOY_DIR, relativePath), 'utf8');
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const meta = v.metadata as Record<string, unknown> | undefined;
  return typeof v.apiVersion === 'string' && typeof v.kind === 'string' && typeof meta?.name === 'string';
}
