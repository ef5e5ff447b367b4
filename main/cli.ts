/**
 * Clearway command line: runs the same services as the app under plain Node.
 *   npm run cli -- import <file> [--json]
 *   npm run cli -- demo cusdec|wco-xml --count N --seed S --out file [--now ISO]
 *   npm run cli -- audit verify [--data-dir <dir>] [--mode live|training] [--json]
 *   npm run cli -- training validate FILE... [--json]
 *   npm run cli -- training run FILE [--seed S] [--trainee NAME] [--json] [--xapi OUT]
 * Exit codes: 0 ok, 1 a message was rejected (or the command failed), 2 usage error.
 */
import { runAuditVerify } from './cli/audit-verify-command';
import { runDemo } from './cli/demo-command';
import { runImport } from './cli/import-command';
import { runTraining } from './cli/training-command';
import { UsageError, USAGE } from './cli/usage';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await runImport(rest);
    if (command === 'demo') return await runDemo(rest);
    if (command === 'audit' && rest[0] === 'verify') return await runAuditVerify(rest.slice(1));
    if (command === 'training') return await runTraining(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`clearway: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`clearway: ${(e as Error).message}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
