import { readFileSync } from 'node:fs';

/** The package version, read from package.json beside the source or the build. */
export function packageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'weft' && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0-unknown';
}
