/** The hub's command line as `npm run hub` runs it, accepting the sync suites' test entities too. */
import { runCli } from '../../hub/src/cli';
import { testEntitySchemas } from '../support/test-entities';

runCli(process.argv.slice(2), testEntitySchemas).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
