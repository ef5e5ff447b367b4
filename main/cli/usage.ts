/** Command-line usage text and the error that selects exit code 2. */
export const USAGE = `Usage:
  npm run cli -- import <file> [--json] [--profile NAME] [--source NAME] [--office CODE] [--data-dir DIR] [--profiles-dir DIR]
      Import a CUSDEC interchange, WCO DM declaration XML or Clearway JSON file
      and print each declaration (with the profile that read it and any warnings)
      and each rejected message. Without --profile, each message is read by the
      profile its source or envelope names, else by the one that reads it with the
      fewest warnings. The office assigned to messages that name none is --office,
      else CLEARWAY_OFFICE, else the office in the data folder's settings; JSON
      profile files are read from --profiles-dir, else <data dir>/profiles.
  npm run cli -- demo cusdec|wco-xml --count N --seed S --out <file> [--now <ISO time>]
      Write N deterministic demo declarations as a CUSDEC interchange or WCO DM XML.
  npm run cli -- audit verify [--data-dir <dir>] [--mode live|training] [--json]
      Recompute the audit hash chain and HMACs; report the first broken entry (exit 1 if broken).
  npm run cli -- training validate <file>... [--json]
      Check training scenario files (YAML or JSON) against the scenario schema, the
      site's lanes and cameras and the generator's goods; print each error as
      file:line:column field: message (exit 1 if any file has an error).
  npm run cli -- training run <file> [--seed S] [--trainee auto-perfect|auto-random|auto-lenient] [--json] [--xapi <out>]
      Play a scenario headless at full speed on a throw-away training database, with a
      scripted trainee deciding through the queue, and print hits, misses, false alarms,
      correct rejections, d′, c, A′ and decision times; --xapi writes the session's
      xAPI 1.0.3 statements to <out>.

Exit codes: 0 all imported, 1 a message was rejected or the command failed, 2 usage error.
`;

export class UsageError extends Error {}

/** Splits argv into positionals and --name value / --flag options, refusing unknown options. */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
): { positionals: string[]; options: Map<string, string | true> } {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const name = a.slice(2);
    if (flags.includes(name)) options.set(name, true);
    else if (valued.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return { positionals, options };
}
