/** The README's rights table is the contract's (preload/contract/rights.ts), cell for cell. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../preload/contract';
import { rightNames, rights, roles } from '../../../preload/contract/rights';

export function rightsTable(): string {
  const rows = rightNames.map((name) => {
    const cells = roles.map((role) => ((rights[name].roles as readonly string[]).includes(role) ? '✓' : ''));
    const used = channelNames.filter((c) => channels[c].access === name).map((c) => `\`${c.replace(/^cw:/, '')}\``);
    return `| \`${name}\` | ${cells.join(' | ')} | ${rights[name].what}${used.length ? ` (${used.join(', ')})` : ' (checked by the service)'} |`;
  });
  return [`| right | ${roles.join(' | ')} | what |`, `| --- | ${roles.map(() => ':-:').join(' | ')} | --- |`, ...rows].join('\n');
}

describe('README', () => {
  it('holds the rights table as the contract has it', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const start = readme.indexOf('<!-- rights:start -->');
    const end = readme.indexOf('<!-- rights:end -->');
    expect(start, 'README.md has no <!-- rights:start --> … <!-- rights:end --> block').toBeGreaterThan(-1);
    expect(readme.slice(start + '<!-- rights:start -->'.length, end).trim()).toBe(rightsTable());
  });
});
