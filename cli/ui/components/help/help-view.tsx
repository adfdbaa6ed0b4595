import { Box, Text } from 'ink';
import { theme } from '../../theme.js';

export const KEY_HELP: readonly (readonly [string, string])[] = [
  [':', 'command mode (:nodes :jobs :deploy :links :fabric :events :help :q)'],
  ['/', 'filter the current list; esc clears'],
  ['j k ↑ ↓', 'move the selection'],
  ['enter', 'describe the selected row'],
  ['esc', 'back'],
  ['N G T S', 'sort by name / GPUs / time-or-utilisation / state (again: reverse)'],
  ['space', 'pause or resume the simulation'],
  ['+ -', 'simulation speed up / down'],
  ['?', 'this help'],
  ['q', 'quit'],
];

export function HelpView() {
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        keys
      </Text>
      {KEY_HELP.map(([key, text]) => (
        <Text key={key}>
          <Text color={theme.warn}>{key.padEnd(10)}</Text> {text}
        </Text>
      ))}
    </Box>
  );
}
