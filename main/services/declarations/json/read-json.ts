/**
 * Reads declarations in Clearway's own JSON format (the model schema): one object
 * or an array of them. Each element is a message of its own, so one bad entry
 * does not stop the others.
 */
import { Declaration } from '../../../../preload/contract/schemas/declarations';

export interface JsonMessageResult {
  index: number;
  ref: string | null;
  declaration?: Declaration;
  error?: { path: string; reason: string };
}

/** Throws when the text is not JSON at all; per-entry problems come back as results. */
export function readDeclarationJson(textValue: string): JsonMessageResult[] {
  let data: unknown;
  try {
    data = JSON.parse(textValue);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  const entries = Array.isArray(data) ? data : [data];
  return entries.map((entry, index) => {
    const ref =
      typeof entry === 'object' && entry !== null && typeof (entry as Record<string, unknown>).functionalReferenceId === 'string'
        ? ((entry as Record<string, unknown>).functionalReferenceId as string)
        : null;
    const parsed = Declaration.safeParse(entry);
    if (parsed.success) return { index, ref, declaration: parsed.data };
    const issue = parsed.error.issues[0]!;
    const path = (Array.isArray(data) ? [index, ...issue.path] : issue.path)
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return { index, ref, error: { path: path || '(root)', reason: `${path || '(root)'}: ${issue.message}` } };
  });
}
