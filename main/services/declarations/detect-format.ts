/**
 * Tells the import format from the first bytes, not the file name: the single
 * window drops files with whatever extension the sender chose.
 */
import type { DeclarationFormat } from '../../../preload/contract/schemas/declarations';

export function detectFormat(head: string): DeclarationFormat | null {
  const start = head.replace(/^[\uFEFF\s]+/, '');
  if (/^UN[ABH]/.test(start)) return 'cusdec';
  if (start.startsWith('<')) return 'wco-xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return null;
}
