/** `training validate FILE...`: checks scenario files and prints each error with its line, column and field. */
import { findResourcesDir } from '../services/resources-dir';
import { formatScenarioErrors, readScenarioFile } from '../services/training/scenario-file';
import { referencesFor } from '../services/training/scenario-references';
import { parseArgs, UsageError } from './usage';

export async function runTraining(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'validate') return validate(rest);
  throw new UsageError(
    sub === undefined ? 'training needs a subcommand: training validate FILE' : `unknown training subcommand "${sub}"`,
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
