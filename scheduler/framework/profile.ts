import { z } from 'zod';
import { loadConfigFile, parseConfigText } from '../../core/config.js';
import { Framework, type FrameworkOptions, type WeightedPlugin } from './framework.js';
import { PLUGINS, type PluginServices } from './registry.js';

const pluginNames = Object.keys(PLUGINS) as [string, ...string[]];

const pluginConfig = z
  .object({
    name: z.enum(pluginNames),
    /** Score weight; ignored at other extension points. */
    weight: z.number().min(0).max(1000).default(1),
    args: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((plugin, ctx) => {
    // Each plugin's own argument schema; its issues keep their path under `args`.
    const result = PLUGINS[plugin.name]!.args.safeParse(plugin.args);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['args', ...issue.path] });
  });

const profileConfig = z
  .object({
    name: z.string().min(1),
    /** Stop filtering after this many feasible nodes (0: all nodes). */
    feasibleNodesToFind: z.number().int().min(0).default(0),
    plugins: z.array(pluginConfig).min(1),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    profile.plugins.forEach((p, i) => {
      if (seen.has(p.name)) ctx.addIssue({ code: 'custom', message: `plugin ${p.name} is listed twice`, path: ['plugins', i, 'name'], input: p.name });
      seen.add(p.name);
    });
  });

/** The schema of a scheduler configuration file: named profiles, each a list of plugins with weights and args. */
export const SchedulerConfigSchema = z
  .object({ profiles: z.array(profileConfig).min(1) })
  .strict()
  .superRefine((config, ctx) => {
    const names = new Set<string>();
    config.profiles.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', message: `profile ${p.name} is defined twice`, path: ['profiles', i, 'name'], input: p.name });
      names.add(p.name);
    });
  });

export type SchedulerConfig = z.output<typeof SchedulerConfigSchema>;
export type ProfileConfig = SchedulerConfig['profiles'][number];

/**
 * Reads scheduler profiles from YAML or JSON; errors name the file, line, field and bad value.
 *
 * @example
 * // profiles.yaml
 * // profiles:
 * //   - name: fgd
 * //     plugins:
 * //       - { name: NodeUnschedulable }
 * //       - { name: GpuType }
 * //       - { name: ResourceFit }
 * //       - { name: FGD, weight: 1 }
 * const config = loadSchedulerConfig('profiles.yaml');
 * const framework = buildFramework(config.profiles[0]!, { cluster, gangs, workload, seed: 1 });
 */
export function loadSchedulerConfig(path: string): SchedulerConfig {
  return loadConfigFile(path, SchedulerConfigSchema);
}

/** Same as `loadSchedulerConfig` for text in memory (`file` names it in errors). */
export function parseSchedulerConfig(text: string, file: string): SchedulerConfig {
  return parseConfigText(text, SchedulerConfigSchema, { file });
}

/**
 * The profile's plugins, created in profile order with their weights, over `services.cluster`
 * (for drivers such as the replays that build their own framework).
 * @throws RangeError from a plugin that lacks a service (FGD without a target workload).
 */
export function profilePlugins(profile: ProfileConfig, services: PluginServices): WeightedPlugin[] {
  return profile.plugins.map((p) => ({
    plugin: PLUGINS[p.name]!.create(PLUGINS[p.name]!.args.parse(p.args) as never, services),
    weight: p.weight,
  }));
}

/** A framework running the profile's plugins, in profile order, over `services.cluster`. */
export function buildFramework(
  profile: ProfileConfig,
  services: PluginServices,
  callbacks: Pick<FrameworkOptions, 'onBound' | 'onRejected' | 'onEvicted'> = {},
): Framework {
  return new Framework({ cluster: services.cluster, plugins: profilePlugins(profile, services), feasibleNodesToFind: profile.feasibleNodesToFind, ...callbacks });
}
