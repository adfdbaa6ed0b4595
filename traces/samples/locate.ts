import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a file under `traces/samples/`, from the sources (vitest) or from the build
 * (`dist/traces/samples/locate.js`, whose samples stay in the package's `traces/samples/`).
 */
export function samplePath(relative: string): string {
  for (const base of ['./', '../../../traces/samples/']) {
    const path = fileURLToPath(new URL(base + relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`trace sample ${relative} not found beside the sources or the build`);
}
