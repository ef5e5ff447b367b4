/**
 * `training validate FILE...`: checks scenario files and prints each error with its line, column and field.
 * `training run FILE --seed S --trainee auto-perfect|auto-random|auto-lenient [--json] [--xapi OUT]`: plays a
 * scenario headless at full speed with a scripted trainee, prints the counts and measures, and writes the
 * session's xAPI statements to OUT.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { findResourcesDir } from '../services/resources-dir';
import { runHeadless, SCRIPTED_TRAINEES, type ScriptedTrainee } from '../services/training/headless-run';
import { formatScenarioErrors, readScenarioFile } from '../services/training/scenario-file';
import { referencesFor } from '../services/training/scenario-references';
import { xapiStatements } from '../services/training/xapi';
import { parseArgs, UsageError } from './usage';

export async function runTraining(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'validate') return validate(rest);
  if (sub === 'run') return run(rest);
  throw new UsageError(
    sub === undefined
      ? 'training needs a subcommand: training validate FILE | training run FILE'
      : `unknown training subcommand "${sub}"`,
  );
}

async function validate(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, [], ['json']);
  if (positionals.length === 0) throw new UsageError('training validate needs at least one scenario file');
  const resourcesDir = findResourcesDir();
  const reports = positionals.map((file) => {
    try {
      const result = readScenarioFile(file, referencesFor(file, resourcesDir));
      return { file, errors: result.ok ? [] : result.errors, scenario: result.ok ? result.scenario.id : null };
    } catch (e) {
      return {
        file,
        errors: [{ line: 1, column: 1, field: '', message: `cannot be read: ${(e as Error).message}` }],
        scenario: null,
      };
    }
  });
  if (options.has('json')) process.stdout.write(`${JSON.stringify({ files: reports }, null, 2)}\n`);
  else
    for (const r of reports) {
      if (r.errors.length === 0) process.stdout.write(`${r.file}: ok (scenario ${r.scenario})\n`);
      else process.stdout.write(`${formatScenarioErrors(r.file, r.errors)}\n`);
    }
  return reports.every((r) => r.errors.length === 0) ? 0 : 1;
}

async function run(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['seed', 'trainee', 'xapi'], ['json']);
  if (positionals.length !== 1) throw new UsageError('training run needs one scenario file');
  const file = positionals[0]!;
  const trainee = options.get('trainee') ?? 'auto-perfect';
  if (typeof trainee !== 'string' || !SCRIPTED_TRAINEES.includes(trainee as ScriptedTrainee))
    throw new UsageError(`--trainee must be one of ${SCRIPTED_TRAINEES.join(', ')}`);
  const seedText = options.get('seed');
  if (seedText !== undefined && (typeof seedText !== 'string' || !/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff))
    throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  const read = readScenarioFile(file, referencesFor(file, findResourcesDir()));
  if (!read.ok) {
    process.stderr.write(`${formatScenarioErrors(file, read.errors)}\n`);
    return 1;
  }
  const scenario = seedText === undefined ? read.scenario : { ...read.scenario, seed: Number(seedText) };
  const result = await runHeadless(scenario, trainee as ScriptedTrainee);
  const { log, ...summary } = result;
  const xapiFile = options.get('xapi');
  if (typeof xapiFile === 'string') {
    const start = new Date(scenario.start);
    const statements = xapiStatements({
      registration: randomUUID(),
      scenario,
      trainee: { username: 'trainee', displayName: `Scripted trainee (${result.trainee})` },
      office: scenario.office,
      startedAt: start,
      endedAt: new Date(start.getTime() + scenario.duration),
      score: result.score,
    });
    await writeFile(xapiFile, `${JSON.stringify(statements, null, 2)}\n`, 'utf8');
  }
  if (options.has('json')) {
    process.stdout.write(`${JSON.stringify({ ...summary, events: log.length }, null, 2)}\n`);
    return 0;
  }
  const o = result.score.overall;
  const f = (n: number) => n.toFixed(3);
  process.stdout.write(
    [
      `scenario ${result.scenario}, seed ${result.seed}, trainee ${result.trainee}: ${result.items} declarations, ${result.threats} threats, ${log.length} events`,
      `hits ${o.hits}, misses ${o.misses}, false alarms ${o.falseAlarms}, correct rejections ${o.correctRejections}`,
      `H ${f(o.hitRate)}, F ${f(o.falseAlarmRate)}, d′ ${f(o.dPrime)}, c ${f(o.criterion)}, A′ ${f(o.aPrime)}`,
      ...Object.entries(result.score.byKind).map(
        ([kind, m]) => `  ${kind}: hits ${m.hits}, misses ${m.misses}, d′ ${f(m.dPrime)}`,
      ),
      `decision time median ${result.score.decisionMs.median ?? '-'} ms, p90 ${result.score.decisionMs.p90 ?? '-'} ms`,
      ...(result.refused.length > 0
        ? [`${result.refused.length} responses refused by the services, first: ${result.refused[0]!.message}`]
        : []),
    ].join('\n') + '\n',
  );
  return 0;
}
