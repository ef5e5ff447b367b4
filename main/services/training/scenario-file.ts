/**
 * Reads a scenario file (YAML, or JSON, which YAML 1.2 reads too) and validates it
 * against the scenario schema. Every error names its line, column and field, so a
 * trainer can fix a file without guessing: the `yaml` parser keeps each node's
 * source range, and zod's issue paths are walked back to those nodes.
 */
import { readFileSync } from 'node:fs';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { Scenario } from '../../../preload/contract/schemas/training';

export interface ScenarioError {
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `threats.mix` or `traffic.inline[2].at`; empty for the whole file. */
  field: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** What a valid scenario may refer to: the site's lanes and cameras, the generator's HS catalogue. */
export interface ScenarioReferences {
  lanes: ReadonlySet<string>;
  cameras: ReadonlySet<string>;
  hs: ReadonlySet<string>;
}

/** Finds the references of a scenario that passed the schema (its site may be a file of its own); throws with a reason. */
export type ReferencesOf = (scenario: Scenario) => ScenarioReferences;

/** Largest scenario file read; scenarios are hand-written, a bigger file is a mistake. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

export function readScenarioFile(path: string, references?: ReferencesOf): ScenarioResult {
  const bytes = readFileSync(path);
  if (bytes.length > MAX_SCENARIO_BYTES)
    return fail(1, 1, '', `file is ${bytes.length} bytes; a scenario file may be at most ${MAX_SCENARIO_BYTES} bytes`);
  const format = /\.json$/i.test(path) ? 'json' : 'yaml';
  return parseScenario(bytes.toString('utf8'), references, format);
}

export function parseScenario(text: string, references?: ReferencesOf, format: 'yaml' | 'json' = 'yaml'): ScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // YAML reads JSON too, but more leniently (a missing value is null): a .json file must be strict JSON.
  const jsonError = format === 'json' ? strictJsonError(text, lineCounter) : null;
  if (jsonError) return { ok: false, errors: [jsonError] };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { line, column: col, field: '', message: e.message.split('\n')[0]! };
      }),
    };
  }
  const parsed = Scenario.safeParse(doc.toJS({ maxAliasCount: 50 }));
  const errors = parsed.success
    ? referenceErrors(parsed.data, references).map(({ path, message }) => {
        const { pos } = positionOf(doc, lineCounter, path);
        return { line: pos.line, column: pos.col, field: fieldName(path), message };
      })
    : parsed.error.issues.flatMap((issue) => issueErrors(doc, lineCounter, issue));
  if (parsed.success && errors.length === 0) return { ok: true, scenario: parsed.data };
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

type Path = readonly PropertyKey[];

function strictJsonError(text: string, lines: LineCounter): ScenarioError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const message = (e as Error).message;
    const offset = /at position (\d+)/.exec(message);
    const { line, col } = offset ? lines.linePos(Number(offset[1])) : { line: 1, col: 1 };
    return { line, column: col, field: '', message: `is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}` };
  }
}

/** Names the scenario uses that the site or the catalogue does not have. */
function referenceErrors(s: Scenario, referencesOf: ReferencesOf | undefined): { path: Path; message: string }[] {
  if (!referencesOf) return [];
  let refs: ScenarioReferences;
  try {
    refs = referencesOf(s);
  } catch (e) {
    return [{ path: ['site'], message: (e as Error).message }];
  }
  const errors: { path: Path; message: string }[] = [];
  const lane = (path: Path, id: string) => {
    if (!refs.lanes.has(id)) errors.push({ path, message: `lane "${id}" is not in the site (${[...refs.lanes].join(', ')})` });
  };
  s.traffic.vehicles?.lanes.forEach((id, i) => lane(['traffic', 'vehicles', 'lanes', i], id));
  s.traffic.inlineVehicles.forEach((v, i) => lane(['traffic', 'inlineVehicles', i, 'lane'], v.lane));
  s.cameras.forEach((c, i) => {
    if (!refs.cameras.has(c.camera))
      errors.push({ path: ['cameras', i, 'camera'], message: `camera "${c.camera}" is not in the site` });
    lane(['cameras', i, 'lane'], c.lane);
  });
  for (const hs of Object.keys(s.traffic.declarations?.hs ?? {})) {
    const known = [...refs.hs].some((code) => code.startsWith(hs));
    if (!known)
      errors.push({
        path: ['traffic', 'declarations', 'hs', hs],
        message: `HS ${hs} matches no goods in the generator's catalogue`,
      });
  }
  return errors;
}

function issueErrors(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): ScenarioError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyNode = mapKeyNode(doc, issue.path, key);
      const at = keyNode?.range ? lines.linePos(keyNode.range[0]) : positionOf(doc, lines, issue.path).pos;
      return { line: at.line, column: at.col, field: fieldName([...issue.path, key]), message: `unknown field "${key}"` };
    });
  }
  const { pos, found } = positionOf(doc, lines, issue.path);
  const missing = !found && issue.code === 'invalid_type' && issue.input === undefined;
  const message = missing ? `is required (${issue.message.replace(/^Invalid input: /, '')})` : issue.message;
  return [{ line: pos.line, column: pos.col, field: fieldName(issue.path), message }];
}

/** The node at `path`, or the nearest ancestor that exists (a missing field points at its parent). */
function positionOf(doc: Document, lines: LineCounter, path: Path): { pos: { line: number; col: number }; found: boolean } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return { pos: lines.linePos(node.range[0]), found: depth === path.length };
  }
  return { pos: { line: 1, col: 1 }, found: false };
}

function mapKeyNode(doc: Document, path: Path, key: string): Node | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
  return isNode(pair?.key) ? pair.key : undefined;
}

function fieldName(path: Path): string {
  return path.reduce<string>((name, part) => {
    if (typeof part === 'number') return `${name}[${part}]`;
    return name === '' ? String(part) : `${name}.${String(part)}`;
  }, '');
}

function fail(line: number, column: number, field: string, message: string): ScenarioResult {
  return { ok: false, errors: [{ line, column, field, message }] };
}

/** One line per error, `file:line:column field: message`, as compilers print them. */
export function formatScenarioErrors(file: string, errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${file}:${e.line}:${e.column} ${e.field === '' ? '' : `${e.field}: `}${e.message}`).join('\n');
}
