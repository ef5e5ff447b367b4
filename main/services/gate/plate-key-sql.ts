/**
 * The first gate migration's SQL approximation of normalisePlate (preload/contract/schemas/gate.ts):
 * upper case without spaces, dashes and dots. That migration indexed exactly this
 * expression, so it must never change; since the plate key column replaced that
 * index, nothing else uses it.
 */
export function plateKeySql(column: string): string {
  return `upper(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '·', ''), '.', ''))`;
}
