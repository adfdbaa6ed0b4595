import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The published package runs from dist/, which holds only what `tsc -p tsconfig.build.json`
 * emits. A product-side module that imports a plain .js source file (the protobuf code
 * generated from switch-model/switch.proto) works from source under vitest but fails from
 * dist unless the build copies that file (the `build` script's copy step; `allowJs` is not
 * an option because declaration emit fails on the generated code). This test walks every
 * non-test module the build compiles and checks that each relative import lands on a file
 * that ends up in dist, so the gap cannot come back silently. It reads files only: no build
 * is run.
 */

const root = fileURLToPath(new URL('..', import.meta.url));

interface BuildConfig {
  include: string[];
}

const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as BuildConfig;
const buildScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;

/** Whether the build script copies the folder of `file` verbatim into dist. */
function copiedByBuild(file: string): boolean {
  const folder = relative(root, dirname(file));
  return buildScript.includes(`'${folder}'`) && buildScript.includes(`'dist/${folder}'`);
}

function isTest(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

function sources(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !isTest(name)) out.push(path);
  }
  return out;
}

/** Relative import and re-export specifiers of a module (static and dynamic). */
function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) found.push(match[1]!);
  return found;
}

/** What the build emits for an import: 'emitted', or why not. */
function resolveEmitted(from: string, specifier: string): string {
  const target = join(dirname(from), specifier);
  if (target.endsWith('.js')) {
    const base = target.slice(0, -3);
    if (existsSync(`${base}.ts`) || existsSync(`${base}.tsx`)) return 'emitted';
    if (existsSync(target)) return copiedByBuild(target) ? 'emitted' : 'plain .js source that tsc does not emit and the build script does not copy';
    return 'no such file';
  }
  if (target.endsWith('.json')) return existsSync(target) ? 'emitted' : 'no such file';
  return 'specifier without the .js extension (NodeNext needs it)';
}

describe('the built package', () => {
  it('emits every file that product code imports', () => {
    const problems: string[] = [];
    const files = build.include.flatMap((dir) => sources(join(root, dir), []));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
        const verdict = resolveEmitted(file, specifier);
        if (verdict !== 'emitted') problems.push(`${relative(root, file)} imports ${specifier}: ${verdict}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('copies the generated switch.proto code into dist (imported by switch-model/codec.ts)', () => {
    expect(relativeImports(readFileSync(join(root, 'switch-model/codec.ts'), 'utf8'))).toContain('./generated/switch.js');
    expect(copiedByBuild(join(root, 'switch-model/generated/switch.js'))).toBe(true);
    expect(copiedByBuild(join(root, 'fabric-sim/packet/network.ts'))).toBe(false);
  });
});
