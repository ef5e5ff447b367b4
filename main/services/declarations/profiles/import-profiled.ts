/**
 * Import under message implementation profiles. Each message is read by one profile,
 * chosen (in this order) because it was named, because the import source names it,
 * because the interchange names it (UNB sender or recipient, UNH association code,
 * WCO MetaData responsible country), or automatically: the profile that reads the
 * message with no error and the fewest warnings (ties go to the lower priority;
 * strict first, so a message the strict reader takes is read exactly as before).
 * The report says which profile read each message, why, its warnings and the raw
 * message.
 */
import { basename } from 'node:path';
import type { Declaration } from '../../../../preload/contract/schemas/declarations';
import { CusdecError } from '../cusdec/cusdec-error';
import { workerDocumentParser, type DocumentParseLimits } from '../document-parse';
import { readCusdec } from '../cusdec/read-cusdec';
import type { EdifactMessage } from '../edifact/interchange-reader';
import {
  importFile,
  type ImportOptions,
  type ImportResult,
  type ImportSource,
  type MessageNote,
  type MessageReaders,
} from '../import';
import { mapDeclaration, parseWcoDeclarations, type Node } from '../wco/read-wco-xml';
import { XmlImportError } from '../wco/xml-import-error';
import type { Profile } from './profile-schema';
import { readCusdecProfiled, type ProfiledRead } from './read-cusdec-profiled';
import { readWcoProfiled } from './read-wco-profiled';
import { shippedProfiles } from './registry';
import { ProfileReadError, type ImportWarning, type Place, type ProfiledFacts } from './settle';

export interface ProfileOptions {
  /** The profiles to choose from (default: the shipped ones). */
  profiles?: readonly Profile[];
  /** A profile named by the user: only it reads ("strict" names the strict profile of the file's format). */
  profile?: string;
  /** The import source (folder, "hub", partner) whose profile applies. */
  source?: string;
  /** The workstation's customs office (Settings.office), for profiles that assign it on receipt. */
  office?: string;
  /** When the file was received (ISO); stands for a missing lodgement time. Default: now. */
  receivedAt?: string;
}

/** How one message was read. */
export interface MessageReport {
  messageIndex: number | null;
  messageRef: string | null;
  /** The profile that read the message, or null when none could. */
  profile: string | null;
  /** Why that profile was chosen. */
  reason: string;
  warnings: ImportWarning[];
  facts?: ProfiledFacts;
  /** Other profiles tried and what stopped them. */
  tried: { profile: string; error?: string; warnings?: number }[];
  /** The message as sent, kept with the declaration so content no profile maps can be viewed. */
  raw: string;
}

export interface ProfiledImportResult extends ImportResult {
  /** One report per message, in file order (declarations and rejects alike). */
  reports: MessageReport[];
}

export class UnknownProfileError extends Error {}

type Attempt = { profile: Profile; read?: ProfiledRead; error?: { message: string; place: Place } };

function strictFacts(d: Declaration): ProfiledFacts {
  return { officeAssignedOnReceipt: false, totals: d.totals };
}

function describeMatch(p: Profile, why: string): string {
  return `${p.name} (${why})`;
}

/** The profiles a message's envelope or source points at, with the reason. */
function matched(
  candidates: readonly Profile[],
  source: string | undefined,
  envelope: { sender?: string; recipient?: string; association?: string; country?: string },
): { profile: Profile; why: string } | null {
  for (const p of candidates) {
    if (source && p.match.sources.includes(source)) return { profile: p, why: `import source "${source}"` };
  }
  for (const p of candidates) {
    if (envelope.sender && p.match.senders.includes(envelope.sender))
      return { profile: p, why: `interchange sender ${envelope.sender} (UNB 0004)` };
    if (envelope.recipient && p.match.recipients.includes(envelope.recipient))
      return { profile: p, why: `interchange recipient ${envelope.recipient} (UNB 0010)` };
    if (envelope.association && p.match.associationCodes.includes(envelope.association))
      return { profile: p, why: `association code ${envelope.association} (UNH 0057)` };
    if (envelope.country && p.match.responsibleCountries.includes(envelope.country))
      return { profile: p, why: `MetaData responsible country ${envelope.country}` };
  }
  return null;
}

/**
 * Chooses and runs profiles for one message. `attempt` reads under one profile and
 * reports an error or a read; the first profile in `order` is the strict one when present.
 */
function choose(
  format: Profile['format'],
  options: ProfileOptions,
  envelope: { sender?: string; recipient?: string; association?: string; country?: string },
  attempt: (p: Profile) => Attempt,
): { chosen: Attempt | null; reason: string; tried: Attempt[]; failure?: Attempt } {
  const all = (options.profiles ?? shippedProfiles()).filter((p) => p.format === format);
  const order = [...all].sort((a, b) => a.priority - b.priority);
  if (options.profile) {
    const name = options.profile;
    const p = order.find((x) => x.name === name) ?? (name === 'strict' ? order.find((x) => x.strict) : undefined);
    if (!p) {
      const other = (options.profiles ?? shippedProfiles()).find((x) => x.name === name);
      throw new UnknownProfileError(other ? `profile ${name} reads ${other.format}, not ${format}` : `no profile named ${name}`);
    }
    const a = attempt(p);
    return a.read
      ? { chosen: a, reason: describeMatch(p, 'named for this import'), tried: [] }
      : { chosen: null, reason: `${p.name} (named for this import) cannot read it`, tried: [a], failure: a };
  }
  const tried: Attempt[] = [];
  const hit = matched(order, options.source, envelope);
  if (hit) {
    const a = attempt(hit.profile);
    if (a.read) return { chosen: a, reason: describeMatch(hit.profile, hit.why), tried };
    tried.push(a);
  }
  let best: Attempt | null = null;
  for (const p of order) {
    if (hit && p === hit.profile) continue;
    const a = attempt(p);
    tried.push(a);
    if (!a.read) continue;
    const w = a.read.warnings.length;
    const bw = best?.read!.warnings.length ?? Infinity;
    if (!best || w < bw || (w === bw && a.read.recognized > best.read!.recognized)) best = a;
    // The strict reader's reading has no warnings and is the reference: nothing does better.
    if (p.strict && best === a) break;
  }
  if (best) {
    const others = tried.filter((t) => t !== best);
    const why = hit ? `${hit.profile.name}, named by the ${hit.why}, could not read it; ` : '';
    const count = best.read!.warnings.length;
    return {
      chosen: best,
      reason: `${best.profile.name} (${why}chosen automatically: reads it with no error and ${count === 0 ? 'no warnings' : `${count} warning${count === 1 ? '' : 's'}`}${others.length ? `, of ${tried.length} profiles tried` : ''}${others.some((o) => o.read && o.read.warnings.length === count) ? '; among equals, the one knowing most of its codes, then the first by priority' : ''})`,
      tried: others,
    };
  }
  const strict = tried.find((t) => t.profile.strict);
  return { chosen: null, reason: 'no profile could read it', tried, failure: hit ? tried[0] : (strict ?? tried[0]) };
}

function triedList(tried: Attempt[]): MessageReport['tried'] {
  return tried.map((t) =>
    t.read ? { profile: t.profile.name, warnings: t.read.warnings.length } : { profile: t.profile.name, error: t.error!.message },
  );
}

export function profileReaders(options: ProfileOptions): MessageReaders {
  const receivedAt = options.receivedAt ?? new Date().toISOString();
  const ctx = { ...(options.office ? { office: options.office } : {}), receivedAt };
  return {
    cusdec(message: EdifactMessage, raw: () => string) {
      const attempt = (p: Profile): Attempt => {
        try {
          if (p.strict) {
            const declaration = readCusdec(message);
            return { profile: p, read: { declaration, facts: strictFacts(declaration), warnings: [], recognized: 0 } };
          }
          return { profile: p, read: readCusdecProfiled(message, p, ctx) };
        } catch (e) {
          if (e instanceof CusdecError)
            return {
              profile: p,
              error: { message: e.message, place: { segmentNumber: e.segmentNumber, segmentTag: e.segmentTag } },
            };
          if (e instanceof ProfileReadError) return { profile: p, error: { message: e.message, place: e.place } };
          return { profile: p, error: { message: (e as Error).message, place: {} } };
        }
      };
      const envelope = { sender: message.sender, recipient: message.recipient, association: message.association };
      const c = choose('cusdec', options, envelope, attempt);
      const report: MessageReport = {
        messageIndex: message.index,
        messageRef: message.ref,
        profile: c.chosen?.profile.name ?? null,
        reason: c.reason,
        warnings: c.chosen?.read?.warnings ?? [],
        ...(c.chosen?.read ? { facts: c.chosen.read.facts } : {}),
        tried: triedList(c.tried),
        raw: raw(),
      };
      const note = report as unknown as MessageNote;
      if (c.chosen?.read) return { declaration: c.chosen.read.declaration, note };
      const f = c.failure!;
      return {
        error: new CusdecError(
          f.error!.place.segmentNumber ?? 1,
          f.error!.place.segmentTag ?? 'UNH',
          f.profile.strict ? f.error!.message : `${f.profile.name}: ${f.error!.message}`,
        ),
        note,
      };
    },
    wcoXml(xml: string) {
      const found = parseWcoDeclarations(xml);
      const meta = (found.doc.MetaData ?? (found.doc as Record<string, Node>)['MetaData']) as Node | undefined;
      const countryRaw = meta?.ResponsibleCountryCode;
      const country =
        typeof countryRaw === 'string'
          ? countryRaw
          : typeof countryRaw === 'object' && countryRaw
            ? String((countryRaw as Node)['#text'] ?? '')
            : undefined;
      const declarationTexts = found.nodes.length > 1 ? splitDeclarations(xml, found.nodes.length) : null;
      return found.nodes.map((node, index) => {
        const base = found.nodes.length > 1 ? `${found.path}/Declaration[${index + 1}]` : `${found.path}/Declaration`;
        const attempt = (p: Profile): Attempt => {
          try {
            if (p.strict) {
              const declaration = mapDeclaration(node, base);
              return { profile: p, read: { declaration, facts: strictFacts(declaration), warnings: [], recognized: 0 } };
            }
            return { profile: p, read: readWcoProfiled(node, base, p, ctx) };
          } catch (e) {
            if (e instanceof XmlImportError)
              return { profile: p, error: { message: `${e.path}: ${e.message}`, place: { path: e.path } } };
            if (e instanceof ProfileReadError) {
              const path = e.place.path ? (e.place.path.startsWith(base) ? e.place.path : `${base}/${e.place.path}`) : base;
              return { profile: p, error: { message: `${path}: ${e.message}`, place: { path } } };
            }
            return { profile: p, error: { message: `${base}: ${(e as Error).message}`, place: { path: base } } };
          }
        };
        const ref = firstText(node, 'FunctionalReferenceID') ?? firstText(node, 'ID') ?? null;
        const c = choose('wco-xml', options, country ? { country } : {}, attempt);
        const report: MessageReport = {
          messageIndex: index,
          messageRef: ref,
          profile: c.chosen?.profile.name ?? null,
          reason: c.reason,
          warnings: c.chosen?.read?.warnings ?? [],
          ...(c.chosen?.read ? { facts: c.chosen.read.facts } : {}),
          tried: triedList(c.tried),
          raw: declarationTexts?.[index] ?? xml,
        };
        const note = report as unknown as MessageNote;
        if (c.chosen?.read) return { index, ref, declaration: c.chosen.read.declaration, note };
        const f = c.failure!;
        const message = f.error!.message.startsWith(`${f.error!.place.path}: `)
          ? f.error!.message.slice(f.error!.place.path!.length + 2)
          : f.error!.message;
        return {
          index,
          ref,
          error: new XmlImportError(f.error!.place.path ?? base, f.profile.strict ? message : `${f.profile.name}: ${message}`),
          note,
        };
      });
    },
  };
}

/**
 * Each <Declaration> element's text, in document order, for a document holding several (the raw
 * message kept with each); null when the tags do not pair up as expected (then the whole document is kept).
 */
function splitDeclarations(xml: string, count: number): string[] | null {
  const open = [...xml.matchAll(/<(?:[\w.-]+:)?Declaration[\s>]/g)].map((m) => m.index);
  const close = [...xml.matchAll(/<\/(?:[\w.-]+:)?Declaration\s*>/g)].map((m) => m.index + m[0].length);
  if (open.length !== count || close.length !== count) return null;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (close[i]! < open[i]! || (i + 1 < count && close[i]! > open[i + 1]!)) return null;
    out.push(xml.slice(open[i], close[i]));
  }
  return out;
}

function firstText(node: Node, name: string): string | undefined {
  const v = node[name];
  const x = Array.isArray(v) ? v[0] : v;
  if (x === undefined || x === null) return undefined;
  const t = typeof x === 'object' ? (x as Node)['#text'] : x;
  return t === undefined || t === '' ? undefined : String(t);
}

/**
 * importFile under profiles: the same result, plus one report per message. With
 * `documentLimits`, XML and JSON documents are parsed in a worker thread under them.
 */
export async function importWithProfiles(
  source: ImportSource,
  options: ProfileOptions & Omit<ImportOptions, 'readers' | 'parseDocument'> & { documentLimits?: DocumentParseLimits } = {},
): Promise<ProfiledImportResult> {
  const reports: MessageReport[] = [];
  const { documentLimits, onProgress, onMessage, onFormat, chunkBytes, maxDocumentBytes, ...profileOptions } = options;
  const file = typeof source === 'string' ? basename(source) : source.name;
  const result = await importFile(source, {
    ...(onProgress ? { onProgress } : {}),
    ...(onFormat ? { onFormat } : {}),
    ...(chunkBytes ? { chunkBytes } : {}),
    ...(maxDocumentBytes ? { maxDocumentBytes } : {}),
    readers: profileReaders(profileOptions),
    ...(documentLimits
      ? {
          parseDocument: workerDocumentParser(
            file,
            { ...profileOptions, receivedAt: profileOptions.receivedAt ?? new Date().toISOString() },
            documentLimits,
          ),
        }
      : {}),
    onMessage: async (o) => {
      if (o.note) reports.push(o.note as unknown as MessageReport);
      await onMessage?.(o);
    },
  });
  return { ...result, reports };
}
