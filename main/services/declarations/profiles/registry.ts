/**
 * The profiles a workstation knows: the shipped ones (JSON beside this module) and
 * any a supervisor adds as JSON files in a profiles folder. A profile may extend
 * another by name; objects are merged key by key, lists and values replace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import asycudaCusdec from './shipped/asycuda-cusdec.json';
import cnSingleWindow from './shipped/cn-single-window.json';
import euUkCds from './shipped/eu-uk-cds.json';
import strictCusdec from './shipped/strict-cusdec.json';
import strictWco from './shipped/strict-wco.json';
import unCusdec from './shipped/un-cusdec.json';
import { checkProfile, ProfileFileError, readProfileData, type Profile, type ProfilePlace } from './profile-schema';

type Raw = Record<string, unknown>;
type Entry = { file: string; raw: Raw; where?: ProfilePlace };

const SHIPPED_RAW: readonly Raw[] = [strictCusdec, strictWco, unCusdec, cnSingleWindow, asycudaCusdec, euUkCds] as Raw[];

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge recursively; lists and plain values in `over` replace those in `base`. */
export function mergeProfileData(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(base[k]) ? mergeProfileData(base[k], v) : v;
  return out;
}

/** Resolves `extends` chains and checks every profile; the first bad file is reported with its name. */
function resolveAll(entries: readonly Entry[]): Profile[] {
  const byName = new Map<string, Entry>();
  for (const e of entries) {
    const name = typeof e.raw.name === 'string' ? e.raw.name : undefined;
    if (!name) throw new ProfileFileError(e.file, 'a profile needs a "name"');
    byName.set(name, e);
  }
  const resolved = new Map<string, Raw>();
  const resolve = (name: string, file: string, seen: string[]): Raw => {
    const done = resolved.get(name);
    if (done) return done;
    const entry = byName.get(name);
    if (!entry) throw new ProfileFileError(file, `extends "${name}", which is not a known profile`);
    if (seen.includes(name))
      throw new ProfileFileError(entry.file, `"extends" goes round in a circle: ${[...seen, name].join(' → ')}`);
    const parent = typeof entry.raw.extends === 'string' ? resolve(entry.raw.extends, entry.file, [...seen, name]) : undefined;
    const merged = parent ? mergeProfileData({ ...parent, match: {}, priority: 100 }, entry.raw) : entry.raw;
    resolved.set(name, merged);
    return merged;
  };
  return entries.map((e) => checkProfile(e.file, resolve(e.raw.name as string, e.file, []), e.where));
}

let shipped: Profile[] | undefined;

/** The profiles Clearway ships, checked once. */
export function shippedProfiles(): Profile[] {
  return (shipped ??= resolveAll(SHIPPED_RAW.map((raw) => ({ file: `shipped/${String(raw.name)}.json`, raw }))));
}

/**
 * The shipped profiles plus every *.json file in `folder` (a supervisor's profile replaces a
 * shipped one of the same name). Throws ProfileFileError naming the first bad file.
 */
export function loadProfiles(folder?: string): Profile[] {
  if (!folder) return shippedProfiles();
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => /\.(json|ya?ml)$/i.test(n))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return shippedProfiles();
    throw e;
  }
  const entries: Entry[] = SHIPPED_RAW.map((raw) => ({ file: `shipped/${String(raw.name)}.json`, raw }));
  for (const n of names) {
    const file = join(folder, n);
    const { raw, where } = readProfileData(file, readFileSync(file, 'utf8'));
    if (!isObject(raw)) throw new ProfileFileError(file, 'a profile file holds one object (its fields at the top level)');
    const at = entries.findIndex((x) => x.raw.name === raw.name);
    if (at >= 0) entries.splice(at, 1);
    entries.push({ file, raw, where });
  }
  return resolveAll(entries);
}
