/**
 * The cases screen's strings (namespace "cases"): both languages carry the same
 * keys with the same placeholders, and every key the screen asks for exists,
 * the literal ones and those built from the domain's enums.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseLink, CaseStatus, FindingInput, SubjectKind } from '../../../preload/contract/schemas/cases';
import { CustodyAction, VerifyState } from '../../../preload/contract/schemas/evidence';
import en from '../../../renderer/features/cases/locales/en.json';
import zhCN from '../../../renderer/features/cases/locales/zh-CN.json';

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

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
const english = flatten(en as Tree);
const chinese = flatten(zhCN as Tree);
const featureDir = join(__dirname, '../../../renderer/features/cases');

describe('cases translations', () => {
  it('en and zh-CN have the same keys, none empty, with the same placeholders', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), `en ${key}`).not.toBe('');
      expect((chinese.get(key) ?? '').trim(), `zh-CN ${key}`).not.toBe('');
      expect(placeholders(chinese.get(key) ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('has every literal key the cases screen uses', () => {
    const missing: string[] = [];
    for (const name of readdirSync(featureDir).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(join(featureDir, name), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!english.has(m[1]!)) missing.push(`${name}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('names every status, subject kind, finding category, custody action, link kind and verification state', () => {
    const needed = [
      ...CaseStatus.options.flatMap((s) => [`status.${s}`, `status.to.${s}`]),
      ...SubjectKind.options.map((k) => `subject.${k}`),
      ...FindingInput.shape.category.options.map((c) => `finding.${c}`),
      ...CustodyAction.options.map((a) => `custody.${a}`),
      ...CaseLink.shape.kind.options.map((k) => `link.${k}`),
      ...VerifyState.options.map((s) => `evidence.${s}`),
      ...['officer', 'inspector', 'supervisor'].map((r) => `role.${r}`),
    ];
    expect(needed.filter((key) => !english.has(key))).toEqual([]);
  });

  it('the Chinese file is Chinese', () => {
    const han = [...chinese.values()].filter((v) => /\p{Script=Han}/u.test(v)).length;
    expect(han / chinese.size).toBeGreaterThan(0.9);
  });
});
