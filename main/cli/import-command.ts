/** `import <file> [--json]`: the importer under Node, printing what it found. */
import { existsSync } from 'node:fs';
import type { Declaration, Reject } from '../../preload/contract/schemas/declarations';
import { importFile } from '../services/declarations/import';
import { parseArgs, UsageError } from './usage';

export function describeDeclaration(d: Declaration): string {
  const value = d.totals.customsValue.map((v) => `${v.amount.toFixed(2)} ${v.currency}`).join(' + ');
  const hs = [...new Set(d.goodsItems.map((g) => g.hsCode))].join(', ');
  const containers = d.containers.map((c) => c.id).join(', ') || '-';
  return [
    `${d.functionalReferenceId}`,
    `  declarant:      ${d.declarant.id}`,
    `  goods items:    ${d.totals.goodsItemCount}`,
    `  HS codes:       ${hs}`,
    `  gross mass:     ${d.totals.grossMassKg} kg`,
    `  customs value:  ${value}`,
    `  containers:     ${containers}`,
    `  vehicle plate:  ${d.transport.vehiclePlate ?? '-'}`,
  ].join('\n');
}

export function describeReject(r: Reject): string {
  const where = [
    r.file,
    r.messageIndex !== null
      ? `message #${r.messageIndex + 1}${r.messageRef ? ` (${r.messageRef})` : ''}`
      : r.messageRef
        ? `message ${r.messageRef}`
        : 'interchange',
    r.segmentNumber !== null ? `segment ${r.segmentNumber}${r.segmentTag ? ` ${r.segmentTag}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `REJECTED ${where}: ${r.reason}`;
}

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, [], ['json']);
  if (positionals.length !== 1) throw new UsageError('import needs exactly one file');
  const file = positionals[0]!;
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const result = await importFile(file);
  if (options.has('json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const d of result.declarations) process.stdout.write(`${describeDeclaration(d)}\n`);
    for (const r of result.rejects) process.stdout.write(`${describeReject(r)}\n`);
    process.stdout.write(
      `${result.declarations.length} imported, ${result.rejects.length} rejected (${result.format ?? 'unknown format'})\n`,
    );
  }
  return result.rejects.length > 0 ? 1 : 0;
}
