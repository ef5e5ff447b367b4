/** `import <file> [--json]`: the importer under Node, printing what it found. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Declaration, Reject } from '../../preload/contract/schemas/declarations';
import { importWithProfiles, type MessageReport } from '../services/declarations/profiles/import-profiled';
import { ProfileFileError } from '../services/declarations/profiles/profile-schema';
import { loadProfiles } from '../services/declarations/profiles/registry';
import { workstationOffice } from '../services/declarations/profiles/workstation-office';
import { defaultDataDir } from './audit-verify-command';
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

/** Which profile read a message and why, with its warnings. */
export function describeReport(r: MessageReport): string {
  const lines = [`  profile:        ${r.reason}`];
  if (r.facts?.procedure) lines.push(`  procedure:      ${r.facts.procedure}`);
  for (const w of r.warnings) {
    const where =
      w.segmentNumber !== undefined
        ? `segment ${w.segmentNumber}${w.segmentTag ? ` ${w.segmentTag}` : ''}: `
        : w.path
          ? `${w.path}: `
          : '';
    lines.push(`  warning:        ${where}${w.message}`);
  }
  return lines.join('\n');
}

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['profile', 'profiles-dir', 'source', 'office', 'data-dir'], ['json']);
  if (positionals.length !== 1) throw new UsageError('import needs exactly one file');
  const file = positionals[0]!;
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const dataDir = String(options.get('data-dir') ?? defaultDataDir());
  let profiles;
  try {
    profiles = loadProfiles((options.get('profiles-dir') as string | undefined) ?? join(dataDir, 'profiles'));
  } catch (e) {
    if (e instanceof ProfileFileError) throw new UsageError(e.message);
    throw e;
  }
  const named = options.get('profile') as string | undefined;
  if (named && named !== 'strict' && !profiles.some((p) => p.name === named)) {
    throw new UsageError(`no profile named ${named}; known: strict, ${profiles.map((p) => p.name).join(', ')}`);
  }
  const office = (options.get('office') as string | undefined) ?? process.env.CLEARWAY_OFFICE ?? workstationOffice(dataDir);
  const result = await importWithProfiles(file, {
    profiles,
    ...(named ? { profile: named } : {}),
    ...(options.has('source') ? { source: options.get('source') as string } : {}),
    ...(office ? { office } : {}),
  });
  if (options.has('json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    // Reports come in file order; those with a profile belong to the declarations, in the same order.
    const read = result.reports.filter((r) => r.profile !== null);
    result.declarations.forEach((d, i) => {
      process.stdout.write(`${describeDeclaration(d)}\n`);
      if (read[i]) process.stdout.write(`${describeReport(read[i])}\n`);
    });
    for (const r of result.rejects) process.stdout.write(`${describeReject(r)}\n`);
    process.stdout.write(
      `${result.declarations.length} imported, ${result.rejects.length} rejected (${result.format ?? 'unknown format'})\n`,
    );
  }
  return result.rejects.length > 0 ? 1 : 0;
}
