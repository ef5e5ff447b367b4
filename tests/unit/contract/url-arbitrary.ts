/**
 * Absolute web addresses for URL-typed contract fields. fast-check's own webUrl is
 * not used: it builds a table of every Unicode code point the first time it is
 * made, seconds per test file on a busy machine, for percent-encoded paths the
 * contract's URLs (hub, camera bridges) never need.
 */
import fc from 'fast-check';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const host = fc.oneof(
  fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('cn', 'com', 'local', 'example'))
    .map(([labels, tld]) => [...labels, tld].join('.')),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.')),
  fc.constant('localhost'),
);
const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const query = fc
  .array(fc.tuple(segment, segment), { minLength: 1, maxLength: 2 })
  .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);

/** scheme://host[:port][/path][?query] for one of the given schemes. */
export function webAddress(schemes: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...schemes),
      host,
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      fc.array(segment, { maxLength: 3 }),
      fc.option(query, { nil: '' }),
    )
    .map(
      ([scheme, name, port, path, search]) =>
        `${scheme}://${name}${port === undefined ? '' : `:${port}`}${path.map((p) => `/${p}`).join('')}${search}`,
    );
}
