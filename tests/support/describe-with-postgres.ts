import { describe } from 'vitest';
import { findPostgresBin } from './postgres';

/**
 * A vitest suite that needs a real PostgreSQL server. Without one it is skipped
 * with the reason in its title (.ci/run installs Debian's postgresql, so CI always
 * runs it); `missingToo` names another requirement that is absent, e.g. openssl.
 * Kept apart from ./postgres, which the Playwright specs and benches import too.
 */
export function describeWithPostgres(name: string, body: () => void, missingToo: string | null = null): void {
  const found = findPostgresBin();
  const missing = 'missing' in found ? found.missing : missingToo;
  if (missing === null) describe(name, body);
  else describe.skip(`${name} (skipped: ${missing})`, body);
}
