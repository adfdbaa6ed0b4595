import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSchedulerConfig, type SchedulerConfig } from '../framework/profile.js';

/**
 * Path of the profiles shipped with Weft (`scheduler/profiles/default.yaml`), found beside the
 * sources (vitest, tsx) or from the build (`dist/scheduler/profiles/shipped.js`, whose YAML
 * stays in the package's `scheduler/profiles/`).
 * @throws Error when neither place has it (a broken install).
 */
export function shippedProfilesPath(): string {
  for (const base of ['./', '../../../scheduler/profiles/']) {
    const path = fileURLToPath(new URL(`${base}default.yaml`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('scheduler/profiles/default.yaml not found beside the sources or the build');
}

/** The shipped profiles: fgd, best-fit, spread, and the FGD paper's baselines random, dot-product, packing. */
export function loadShippedProfiles(): SchedulerConfig {
  return loadSchedulerConfig(shippedProfilesPath());
}
