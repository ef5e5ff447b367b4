/** `demo cusdec|wco-xml --count N --seed S --out file`: writes deterministic demo declarations. */
import { writeFile } from 'node:fs/promises';
import { writeCusdecInterchange } from '../services/declarations/cusdec/write-cusdec';
import { generateDeclarations } from '../services/declarations/demo-generator';
import { writeWcoDocument } from '../services/declarations/wco/write-wco-xml';
import { parseArgs, UsageError } from './usage';

function integer(value: string | true | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

export async function runDemo(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['count', 'seed', 'out', 'now'], []);
  const format = positionals[0];
  if ((format !== 'cusdec' && format !== 'wco-xml') || positionals.length !== 1)
    throw new UsageError('demo needs a format: demo cusdec | demo wco-xml');
  const count = integer(options.get('count'), 'count', 10);
  if (count < 1 || count > 1_000_000) throw new UsageError('--count must be between 1 and 1000000');
  const seed = integer(options.get('seed'), 'seed', 1);
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError(`demo ${format} needs --out <file>`);
  const nowRaw = options.get('now');
  const now = typeof nowRaw === 'string' ? new Date(nowRaw) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date/time');
  const declarations = generateDeclarations({ count, seed, now });
  const text =
    format === 'wco-xml'
      ? writeWcoDocument(declarations)
      : writeCusdecInterchange(declarations, {
          sender: 'CLEARWAYDEMO',
          recipient: declarations[0]!.office,
          controlRef: `D${seed}`.slice(0, 14),
          preparedAt: now.toISOString(),
        });
  await writeFile(out, text, 'utf8');
  process.stdout.write(`wrote ${count} declarations to ${out}\n`);
  return 0;
}
