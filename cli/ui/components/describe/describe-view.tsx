import { Box, Text } from 'ink';
import { theme } from '../../theme.js';

/** `enter` on a row: every field of the selected object, one per line (k9s' describe). */
export function DescribeView({ title, fields }: { title: string; fields: readonly (readonly [string, string])[] }) {
  const width = Math.max(0, ...fields.map(([k]) => k.length));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        {title}
      </Text>
      {fields.map(([k, v]) => (
        <Text key={k}>
          <Text color={theme.muted}>{k.padEnd(width)}</Text> {v}
        </Text>
      ))}
    </Box>
  );
}
