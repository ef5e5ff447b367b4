/**
 * Scoring plate reads against labels: the labels file, the comparable form of a
 * plate (no spaces, dashes or dots, upper case) and how many characters of the
 * label a read got right (an edit-distance alignment, so one missing character
 * does not count every later one as wrong).
 */

export interface PlateLabel {
  file: string;
  text: string;
}

/** `file,text[,…]` rows with a header; quoted fields ("a,b", "say ""x""") allowed. */
export function parseLabels(csv: string): PlateLabel[] {
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(splitCsvLine);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const fileAt = header.indexOf('file');
  const textAt = header.indexOf('text');
  if (fileAt < 0 || textAt < 0) throw new Error('labels.csv needs the columns file and text');
  return rows.map((row) => ({ file: row[fileAt] ?? '', text: row[textAt] ?? '' }));
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The plate as compared: NFKC, upper case, without spaces, dashes, dots or middle dots. */
export function comparablePlate(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―−_.·•・･]/gu, '');
}

/** Label characters matched by the read: label length minus the edit distance, at least 0. */
export function characterMatches(read: string, label: string): number {
  const a = [...read];
  const b = [...label];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return Math.max(0, b.length - previous[b.length]!);
}
