/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn and prints its figures.
 * `npm run bench -- store` runs only the benches whose file name contains "store".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
    const started = performance.now();
    const mod = (await import(join(__dirname, file))) as BenchModule;
    await mod.run();
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
