import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../preload/contract';
import { Role } from '../../../preload/contract/schemas/auth';
import en from '../../../renderer/i18n/locales/en.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'transport' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Where each i18next namespace's English strings live (see renderer/i18n/index.ts). */
function namespaceFile(ns: string): string {
  const features = join(__dirname, '../../../renderer/features');
  if (ns === 'portSite') return join(features, 'port', 'site', 'locales', 'en.json');
  return join(features, ns, 'locales', 'en.json');
}

const namespaceCache = new Map<string, Map<string, string>>();
function namespaceKeys(ns: string): Map<string, string> {
  if (ns === 'translation') return english;
  let keys = namespaceCache.get(ns);
  if (!keys) {
    keys = flatten(JSON.parse(readFileSync(namespaceFile(ns), 'utf8')) as Tree);
    namespaceCache.set(ns, keys);
  }
  return keys;
}

/**
 * The namespaces a source file asks for with useTranslation('ns'); a file that only
 * receives `t` from its caller may use its feature area's namespace or the shell's.
 */
function fileNamespaces(text: string, file: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslation\(\s*(?:'([a-zA-Z]+)'|(SITE_EDITOR_NS))?\s*\)/g)) {
    found.add(m[1] ?? (m[2] ? 'portSite' : 'translation'));
  }
  if (found.size > 0) return [...found];
  const area = /features[\\/]([^\\/]+)[\\/]/.exec(file)?.[1];
  return area && existsSync(namespaceFile(area)) ? ['translation', area] : ['translation'];
}

/** A key exists as written or as i18next plural forms (key_one, key_other). */
function hasKey(keys: Map<string, string>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_other`);
}

const english = flatten(en as Tree);
const chinese = flatten(zhCN as Tree);

describe('renderer translations', () => {
  it('en and zh-CN have the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no value is empty and both use the same placeholders', () => {
    for (const [key, text] of english) {
      expect(text.trim(), `en ${key}`).not.toBe('');
      const zh = chinese.get(key) ?? '';
      expect(zh.trim(), `zh-CN ${key}`).not.toBe('');
      expect(placeholders(zh), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('the Chinese file is actually Chinese where it has prose', () => {
    const han = [...chinese.values()].filter((v) => /\p{Script=Han}/u.test(v)).length;
    expect(han / chinese.size).toBeGreaterThan(0.9);
  });

  it('every literal key the renderer uses exists in a namespace its file uses', () => {
    const root = join(__dirname, '../../../renderer');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const namespaces = fileNamespaces(text, file);
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.:]+)'/g)) {
        const raw = m[1] ?? '';
        const [ns, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [null, raw];
        const candidates = ns ? [ns] : namespaces;
        if (!candidates.some((n) => hasKey(namespaceKeys(n), key)))
          missing.push(`${file.slice(root.length + 1)}: ${raw} (looked in ${candidates.join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every role and error code has its words', () => {
    for (const role of Role.options) expect(english.has(`roles.${role}`), role).toBe(true);
    for (const code of ErrorCode.options) expect(english.has(`errors.${code}`), code).toBe(true);
  });

  it('uses no banned wording', () => {
    for (const [key, text] of [...english, ...chinese]) {
      expect(/coming soon|placeholder|lorem|即将推出/i.test(text), key).toBe(false);
    }
  });
});

describe('feature area translations', () => {
  const featuresDir = join(__dirname, '../../../renderer/features');
  const areas = readdirSync(featuresDir).filter((area) => {
    try {
      return statSync(join(featuresDir, area, 'locales')).isDirectory();
    } catch {
      return false;
    }
  });
  const read = (area: string, locale: string): Map<string, string> =>
    flatten(JSON.parse(readFileSync(join(featuresDir, area, 'locales', `${locale}.json`), 'utf8')) as Tree);

  it.each(areas.length > 0 ? areas : ['(none yet)'])('%s: en and zh-CN have the same keys, none empty', (area) => {
    if (area === '(none yet)') return;
    const enArea = read(area, 'en');
    const zhArea = read(area, 'zh-CN');
    expect([...zhArea.keys()].sort()).toEqual([...enArea.keys()].sort());
    for (const [key, value] of [...enArea, ...zhArea]) expect(value.trim(), key).not.toBe('');
  });
});
