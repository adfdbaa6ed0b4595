/** One sample of the Prometheus text exposition format. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Parses the Prometheus text exposition format (version 0.0.4, what vLLM's `/metrics` serves):
 * `# HELP` / `# TYPE` comments are skipped; each sample line is `name{label="value",...} value
 * [timestamp]`, label values with `\\`, `\"` and `\n` escapes, values as Go floats (`NaN`,
 * `+Inf`, `-Inf`). A malformed line throws naming its line number, so a scrape of something
 * that is not an exporter fails loudly rather than reading as zeros.
 *
 * @example
 * parsePromText('vllm:num_requests_waiting{model_name="m"} 3\n'); // [{ name: 'vllm:num_requests_waiting', labels: { model_name: 'm' }, value: 3 }]
 * @throws SyntaxError naming the line.
 */
export function parsePromText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fail = (what: string): never => {
      throw new SyntaxError(`metrics line ${n + 1}: ${what}: ${JSON.stringify(line.slice(0, 120))}`);
    };
    const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
    if (nameMatch === null) fail('expected a metric name');
    const name = nameMatch![0];
    let i = name.length;
    const labels: Record<string, string> = {};
    if (line[i] === '{') {
      i++;
      for (;;) {
        while (line[i] === ' ' || line[i] === ',') i++;
        if (line[i] === '}') {
          i++;
          break;
        }
        const key = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i));
        if (key === null) fail('expected a label name');
        i += key![0].length;
        if (line[i] !== '=' || line[i + 1] !== '"') fail('expected ="value" after a label name');
        i += 2;
        let value = '';
        for (;;) {
          const c = line[i];
          if (c === undefined) return fail('unterminated label value');
          if (c === '"') break;
          if (c === '\\') {
            const e = line[i + 1];
            value += e === 'n' ? '\n' : e === '\\' ? '\\' : e === '"' ? '"' : fail(`bad escape \\${e ?? ''}`);
            i += 2;
          } else {
            value += c;
            i++;
          }
        }
        i++;
        labels[key![0]] = value;
      }
    }
    const rest = line.slice(i).trim().split(/\s+/);
    if (rest.length < 1 || rest.length > 2 || rest[0] === '') fail('expected a value (and an optional timestamp)');
    const value = parseGoFloat(rest[0]!);
    if (value === undefined) fail(`bad value ${rest[0]!}`);
    samples.push({ name, labels, value: value! });
  }
  return samples;
}

function parseGoFloat(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
