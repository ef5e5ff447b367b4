/**
 * The SQL form of normalisePlate (preload/schemas/gate.ts) for a declaration's
 * plate as the declarant wrote it ("粤B·12345"): upper case without spaces, dashes
 * and dots. The gate migration indexes exactly this expression and the link query
 * must use it unchanged, or SQLite cannot use the index. Never edit it: the shipped
 * index was built from it. SQLite's upper() folds ASCII only; Chinese characters
 * have no case and the plate shape allows nothing else.
 */
export function plateKeySql(column: string): string {
  return `upper(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '·', ''), '.', ''))`;
}
