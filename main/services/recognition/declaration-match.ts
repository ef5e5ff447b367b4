/**
 * Which declarations a recognised vehicle may belong to: those whose plate key
 * equals the read plate, or whose container list holds the read container, and,
 * as candidates for the officer only, those whose plate is a few edits away
 * (a misread character, a character missed or added). Pure: the gate service
 * loads the open declarations and passes them in.
 */
import { distance } from 'fastest-levenshtein';

export interface ExpectedVehicle {
  number: string;
  /** The declared plate in its normalised key form, or null. */
  plateKey: string | null;
  containers: readonly string[];
}

export interface DeclarationMatch<T extends ExpectedVehicle = ExpectedVehicle> {
  declaration: T;
  /** Edits between the read plate and the declared one; 0 when equal. */
  distance: number;
  containerMatch: boolean;
}

/**
 * How many edits a near miss may be: one for plates up to five characters (a
 * second edit there makes most short plates match), two for longer ones.
 */
export function nearMissLimit(plate: string): number {
  return [...plate].length <= 5 ? 1 : 2;
}

/**
 * Exact matches (plate equal or container listed) first, then near misses by
 * distance; declarations neither near nor holding the container are left out.
 */
export function matchDeclarations<T extends ExpectedVehicle>(
  plate: string,
  container: string | null,
  declarations: readonly T[],
): DeclarationMatch<T>[] {
  const limit = nearMissLimit(plate);
  const matches: DeclarationMatch<T>[] = [];
  for (const declaration of declarations) {
    const d = declaration.plateKey === null ? Number.POSITIVE_INFINITY : distance(plate, declaration.plateKey);
    const containerMatch = container !== null && declaration.containers.includes(container);
    if (d <= limit || containerMatch) matches.push({ declaration, distance: Number.isFinite(d) ? d : 99, containerMatch });
  }
  return matches.sort(
    (a, b) =>
      a.distance - b.distance ||
      Number(b.containerMatch) - Number(a.containerMatch) ||
      a.declaration.number.localeCompare(b.declaration.number),
  );
}

/** The matches that expect exactly this plate. */
export function exactMatches<T extends ExpectedVehicle>(matches: readonly DeclarationMatch<T>[]): DeclarationMatch<T>[] {
  return matches.filter((m) => m.distance === 0);
}
