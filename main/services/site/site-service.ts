/**
 * The port site: <dataDir>/site.json when a supervisor saved one, otherwise the
 * demo site shipped in <resourcesDir>/site/demo-site.json. A saved file that does
 * not read or validate is reported with every problem (path: message) and the demo
 * site is used meanwhile, so the port view never goes dark over a typo.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSite, type Site, type SiteDocument, type SiteProblem } from '../../../preload/contract/schemas/site';
import type { User } from '../../../preload/contract/schemas/auth';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Logger } from '../logging/logger';
import type { Store } from '../store/types';
import { writeFileAtomic } from '../store/fs-sync';

export interface SiteServiceOptions {
  dataDir: string;
  resourcesDir: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Told after every save (the services emit cw:site.changed). */
  onChanged?: (document: SiteDocument) => void;
}

export const SITE_FILE = 'site.json';
export const DEMO_SITE_FILE = join('site', 'demo-site.json');

export class SiteService {
  constructor(private readonly options: SiteServiceOptions) {}

  get savedPath(): string {
    return join(this.options.dataDir, SITE_FILE);
  }

  get demoPath(): string {
    return join(this.options.resourcesDir, DEMO_SITE_FILE);
  }

  async get(): Promise<SiteDocument> {
    const saved = await readSiteFile(this.savedPath);
    if (saved.kind === 'ok') return { site: saved.site, source: 'saved', savedAt: saved.modifiedAt, problems: [] };
    if (saved.kind === 'invalid')
      this.options.logger.warn(
        { file: this.savedPath, problems: saved.problems },
        'saved site file is invalid; using the demo site',
      );

    const demo = await readSiteFile(this.demoPath);
    if (demo.kind !== 'ok') {
      const why = demo.kind === 'missing' ? 'is missing' : `is invalid: ${describe(demo.problems)}`;
      throw new ServiceError(
        'UNAVAILABLE',
        `The shipped demo site ${this.demoPath} ${why}. Reinstall Clearway or save a site file.`,
      );
    }
    return { site: demo.site, source: 'demo', savedAt: null, problems: saved.kind === 'invalid' ? saved.problems : [] };
  }

  /** Validates (again: the file is the source of truth), writes atomically, audits. */
  async save(user: User, input: unknown): Promise<SiteDocument> {
    const checked = checkSite(input);
    if (!checked.ok) {
      throw new ServiceError('INVALID_ARGUMENT', `The site was not saved: ${describe(checked.problems)}`, checked.problems);
    }
    const text = `${JSON.stringify(checked.site, null, 2)}\n`;
    await writeFileAtomic(this.savedPath, text);
    const sha256 = createHash('sha256').update(text).digest('hex');
    await this.options.store.transaction([
      auditStatement({
        at: this.options.clock.now(),
        actor: actorOf(user),
        action: 'site.save',
        subject: checked.site.id,
        detail: { cameras: checked.site.cameras.length, gates: checked.site.gates.length, sha256 },
      }),
    ]);
    this.options.logger.info({ site: checked.site.id, cameras: checked.site.cameras.length, sha256 }, 'site saved');
    const document = await this.get();
    this.options.onChanged?.(document);
    return document;
  }

  /** The camera with this id in the site in use, or null. */
  async camera(cameraId: string): Promise<Site['cameras'][number] | null> {
    const { site } = await this.get();
    return site.cameras.find((camera) => camera.id === cameraId) ?? null;
  }
}

type SiteRead =
  { kind: 'ok'; site: Site; modifiedAt: string } | { kind: 'missing' } | { kind: 'invalid'; problems: SiteProblem[] };

async function readSiteFile(path: string): Promise<SiteRead> {
  let text: string;
  let modifiedAt: string;
  try {
    [text, modifiedAt] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtime.toISOString())]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', problems: [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  const checked = checkSite(json);
  return checked.ok ? { kind: 'ok', site: checked.site, modifiedAt } : { kind: 'invalid', problems: checked.problems };
}

function describe(problems: SiteProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > 5) shown.push(`and ${problems.length - 5} more`);
  return shown.join('; ');
}
