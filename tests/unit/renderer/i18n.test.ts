import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../preload/contract';
import { Role } from '../../../preload/schemas/auth';
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

  it('every literal key the renderer uses exists', () => {
    const root = join(__dirname, '../../../renderer');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1] ?? '';
        if (!english.has(key)) missing.push(`${file.slice(root.length + 1)}: ${key}`);
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
