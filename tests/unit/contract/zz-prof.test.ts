import { it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { channels } from '../../../preload/contract';
import { validValue } from './zod-arbitrary';
it('prof', () => {
  const rows: [string, number][] = [];
  for (const [n, c] of Object.entries(channels)) {
    for (const side of ['input', 'output'] as const) {
      const s = c[side] as z.ZodType;
      const t = performance.now();
      const arb = validValue(s);
      const vals = fc.sample(arb, { numRuns: 40, seed: 1 });
      for (const v of vals) s.safeParse(JSON.parse(JSON.stringify(s.parse(v)) ?? 'null'));
      rows.push([`${n}:${side}`, performance.now() - t]);
    }
  }
  rows.sort((a, b) => b[1] - a[1]);
  writeFileSync('/tmp/ct/prof.txt', rows.map(([n, t]) => `${t.toFixed(0)}\t${n}`).join('\n') + `\ntotal ${rows.reduce((a, r) => a + r[1], 0).toFixed(0)}\n`);
}, 120000);
