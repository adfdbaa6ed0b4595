import type { Command } from './command.js';
import { createCompletionCommand } from './commands/completion.js';
import { demoCommand } from './commands/demo.js';
import { deployCommand } from './commands/deploy.js';
import { fabricCommand } from './commands/fabric.js';
import { finetuneCommand } from './commands/finetune.js';
import { operatorCommand } from './commands/operator.js';
import { planCommand } from './commands/plan.js';
import { gpuCommand } from './commands/gpu.js';
import { modelCommand } from './commands/model.js';
import { replayCommand } from './commands/replay.js';
import { uiCommand } from './commands/ui.js';

/**
 * Every `weft` command. A capability adds its command here; `registry.test.ts` checks that each
 * follows the conventions (help text, examples, flag names).
 */
export const commands: readonly Command[] = [demoCommand, deployCommand, finetuneCommand, uiCommand, fabricCommand, operatorCommand, replayCommand, planCommand, modelCommand, gpuCommand, createCompletionCommand(() => commands)];
