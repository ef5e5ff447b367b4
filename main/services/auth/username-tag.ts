import { createHmac, randomBytes } from 'node:crypto';

/**
 * What the audit log and the notices say instead of a typed username that matches
 * no account: officers sometimes type their password into the username field, and
 * the log must never hold it. The tag is a keyed hash cut to 8 hex digits, under a
 * key made at start and never stored: repeated attempts with the same text show the
 * same tag during one run, and nothing can turn a tag back into the text.
 */
export class UsernameTagger {
  readonly #key = randomBytes(32);

  tag(typed: string): string {
    const digest = createHmac('sha256', this.#key).update(typed.trim().toLowerCase(), 'utf8').digest('hex');
    return `unknown#${digest.slice(0, 8)}`;
  }
}
