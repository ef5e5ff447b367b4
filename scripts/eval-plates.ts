/**
 * Runs the plate reader over a labelled folder and prints how well it did.
 *
 *   npm run eval:plates -- DIR [--mode crop|frame] [--json] [--limit N] [--threads N]
 *
 * DIR/labels.csv has the columns `file,text` (others are ignored). `crop` reads
 * each image as a plate; `frame` finds the plate in the image first. A read is
 * exact when it equals the label after removing spaces, dashes and dots. The
 * last line is `plates: N/M exact (P%), char C%, median X ms`; with --json the
 * output is one JSON object with each result and the summary instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImageFile } from '../main/services/recognition/image-file';
import { locateModelFiles } from '../main/services/recognition/model-files';
import { PlateReader } from '../main/services/recognition/plate-reader';
import { characterMatches, comparablePlate, parseLabels } from '../main/services/recognition/plate-evaluation';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Result {
  file: string;
  text: string;
  expected: string;
  confidence: number;
  ms: number;
  /** CPU time of the whole process (ONNX Runtime's threads included) during the read. */
  cpuMs: number;
  exact: boolean;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--mode', '--limit', '--threads'].includes(args[i - 1] ?? ''));
  const modeAt = args.indexOf('--mode');
  const mode = modeAt >= 0 ? args[modeAt + 1] : 'crop';
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const json = args.includes('--json');
  const threadsAt = args.indexOf('--threads');
  const threads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : undefined;
  if (dir === undefined || (mode !== 'crop' && mode !== 'frame')) {
    console.error('usage: npm run eval:plates -- DIR [--mode crop|frame] [--json] [--limit N] [--threads N]');
    process.exit(2);
  }
  const labels = parseLabels(readFileSync(join(dir, 'labels.csv'), 'utf8')).slice(0, limit);
  const modelsDir = join(root, 'resources', 'models');
  const reader = await PlateReader.load(
    locateModelFiles(modelsDir, [join(root, 'node_modules', '@gutenye', 'ocr-models', 'assets')]),
    { threads },
  );
  const results: Result[] = [];
  let chars = 0;
  let charsRight = 0;
  let provinces = 0;
  let provincesRight = 0;
  try {
    // One read first so session warm-up is not counted against the first image.
    if (labels[0] !== undefined) await reader.readCrop(readImageFile(join(dir, labels[0].file)));
    for (const label of labels) {
      const image = readImageFile(join(dir, label.file));
      const started = performance.now();
      const cpu = process.cpuUsage();
      const read = mode === 'crop' ? await reader.readCrop(image) : await reader.readFrame(image);
      const ms = performance.now() - started;
      const cpuUsed = process.cpuUsage(cpu);
      const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
      const text = read?.display ?? '';
      const got = comparablePlate(text);
      const expected = comparablePlate(label.text);
      const matches = characterMatches(got, expected);
      chars += [...expected].length;
      charsRight += matches;
      if (/^[\u4E00-\u9FFF]/u.test(expected)) {
        provinces++;
        if ([...got][0] === [...expected][0]) provincesRight++;
      }
      results.push({
        file: label.file,
        text,
        expected: label.text,
        confidence: read?.confidence ?? 0,
        ms,
        cpuMs,
        exact: got === expected,
      });
      if (!json && got !== expected)
        console.log(`miss ${label.file}: read "${text}" (${(read?.confidence ?? 0).toFixed(2)}), label "${label.text}"`);
    }
  } finally {
    await reader.release();
  }
  const exact = results.filter((r) => r.exact).length;
  const summary = {
    mode,
    plates: results.length,
    exact,
    exactPercent: results.length === 0 ? 0 : (100 * exact) / results.length,
    charPercent: chars === 0 ? 0 : (100 * charsRight) / chars,
    provinces,
    provincePercent: provinces === 0 ? null : (100 * provincesRight) / provinces,
    medianMs: median(results.map((r) => r.ms)),
    medianCpuMs: median(results.map((r) => r.cpuMs)),
  };
  if (json) {
    console.log(
      JSON.stringify({ results: results.map(({ file, text, confidence, ms }) => ({ file, text, confidence, ms })), summary }),
    );
    return;
  }
  console.log(
    `median CPU time: ${summary.medianCpuMs.toFixed(1)} ms per ${mode} (wall time depends on what else the machine runs)`,
  );
  if (summary.provincePercent !== null)
    console.log(`province characters: ${provincesRight}/${provinces} (${summary.provincePercent.toFixed(1)}%)`);
  console.log(
    `plates: ${exact}/${results.length} exact (${summary.exactPercent.toFixed(1)}%), char ${summary.charPercent.toFixed(1)}%, median ${summary.medianMs.toFixed(1)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
