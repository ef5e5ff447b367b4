import type { Plugin } from 'vite';

const PDFKIT_NODE_ENTRY = /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/;
const STANDARD_FONT_REQUIRE = /require\$1\(\s*['"]#standard-fonts\/(\w+)['"]\s*\)/g;

/**
 * pdfkit loads the metrics of its 14 standard PDF fonts (Helvetica, Courier…)
 * with a runtime `createRequire(import.meta.url)('#standard-fonts/<Name>')`.
 * That subpath import only resolves inside pdfkit's own package.json; in the
 * bundled main process the require runs from out/main/chunks and throws
 * MODULE_NOT_FOUND as soon as a PDFDocument is made. This rewrites each call
 * into a static import of pdfkit's exported `pdfkit/standard-fonts/<Name>`
 * module, so the metrics (about 190 KB) are bundled like any other code.
 *
 * The build fails if pdfkit stops loading fonts this way, rather than shipping
 * a case report export that breaks only at run time.
 */
export function pdfkitStandardFonts(): Plugin {
  return {
    name: 'clearway:pdfkit-standard-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!PDFKIT_NODE_ENTRY.test(id.split('?')[0] ?? id)) return null;
      const names = new Set<string>();
      const rewritten = code.replace(STANDARD_FONT_REQUIRE, (_call, name: string) => {
        names.add(name);
        return `__pdfkitStandardFont_${name}`;
      });
      if (names.size === 0) {
        throw new Error(
          `${id}: pdfkit no longer loads its standard fonts with require$1('#standard-fonts/…'); update scripts/pdfkit-standard-fonts-plugin.ts for this pdfkit version`,
        );
      }
      const imports = [...names]
        .map((name) => `import __pdfkitStandardFont_${name} from 'pdfkit/standard-fonts/${name}';`)
        .join('\n');
      return { code: `${imports}\n${rewritten}`, map: null };
    },
  };
}
