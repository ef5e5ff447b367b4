import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The queue, dashboard and rules areas use their own i18next namespaces: every
 * literal key a component asks for must exist in the namespace it asked.
 */
type Tree = { [key: string]: string | Tree };
const features = join(__dirname, '../../../renderer/features');

function keys(area: string): Set<string> {
  const out = new Set<string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') {
        out.add(path);
        // i18next plural forms answer to the bare key.
        const bare = /^(.*)_(one|other)$/.exec(path)?.[1];
        if (bare) out.add(bare);
      } else walk(v, path);
    }
  };
  walk(JSON.parse(readFileSync(join(features, area, 'locales', 'en.json'), 'utf8')) as Tree, '');
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'locales'
        ? []
        : sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('queue, dashboard and rules strings', () => {
  const namespaces = { queue: keys('queue'), dashboard: keys('dashboard'), risk: keys('risk') };

  it.each(['queue', 'dashboard', 'risk'])('every literal key used in %s exists', (area) => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources(join(features, area))) {
      const text = readFileSync(file, 'utf8');
      // Which function is bound to which namespace: `const { t } = useTranslation('x')`, `{ t: tq } = useTranslation('queue')`.
      const bindings = new Map<string, keyof typeof namespaces>();
      for (const m of text.matchAll(/\{\s*t(?:\s*:\s*(\w+))?[^}]*\}\s*=\s*useTranslation\('(\w+)'\)/g)) {
        bindings.set(m[1] ?? 't', m[2] as keyof typeof namespaces);
      }
      for (const [fn, ns] of bindings) {
        const known = namespaces[ns];
        if (!known) continue;
        for (const m of text.matchAll(new RegExp(`\\b${fn}\\(\\s*'([a-zA-Z0-9_.-]+)'`, 'g'))) {
          checked++;
          if (!known.has(m[1] as string)) missing.push(`${file.slice(features.length + 1)}: ${ns}:${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('has a name and a meaning for every lane, in both languages', () => {
    const zh = JSON.parse(readFileSync(join(features, 'queue', 'locales', 'zh-CN.json'), 'utf8')) as {
      lane: Record<string, { name: string; meaning: string }>;
    };
    expect(zh.lane.green).toEqual({ name: '绿色', meaning: '放行' });
    expect(zh.lane.yellow?.meaning).toBe('单证审核');
    expect(zh.lane.blue?.meaning).toContain('稽查');
    expect(zh.lane.red?.meaning).toBe('查验');
  });
});
