/** Paths of the hand-written declaration fixtures. */
import { fileURLToPath } from 'node:url';

export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/declarations/${name}`, import.meta.url));
