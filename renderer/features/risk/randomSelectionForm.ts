import { OfficeRandomRate, RandomSelectionDraft, type Lane, type RandomSelection } from '../../../preload/contract/schemas/risk';

/**
 * The random-selection editor's form: rates as percentages (what supervisors
 * read and type), turned into the 0..1 rates the services store, with every
 * problem named by row and field.
 */
export interface OfficeRow {
  /** Stable React key; not stored. */
  key: string;
  office: string;
  expectedPct: number | null;
  minimumPct: number | null;
}

export interface RandomSelectionForm {
  defaultExpectedPct: number | null;
  defaultMinimumPct: number | null;
  aeoReductionFactor: number | null;
  lane: Lane;
  score: number | null;
  offices: OfficeRow[];
}

/** What is wrong, as a translation key and its values; `row` is the 1-based office row, absent for the defaults. */
export interface FormProblem {
  key: string;
  row?: number;
  field?: 'expected' | 'minimum';
  values: Record<string, string | number>;
}

/** Read from the schema so the editor and the services agree on the office code's shape. */
export const OFFICE_CODE_MAX = OfficeRandomRate.shape.office.maxLength ?? 32;

/** Percent with at most three decimals, so 0.035 shows as 3.5 and not 3.5000000000000004. */
export const toPct = (rate: number): number => Math.round(rate * 100_000) / 1000;
const toRate = (pct: number): number => Math.round(pct * 1000) / 100_000;

let rowSeq = 0;
export const newRowKey = (): string => `office-${(rowSeq++).toString(36)}`;

export function formOf(selection: RandomSelection): RandomSelectionForm {
  return {
    defaultExpectedPct: toPct(selection.defaultExpectedRate),
    defaultMinimumPct: toPct(selection.defaultMinimumRate),
    aeoReductionFactor: selection.aeoReductionFactor,
    lane: selection.lane,
    score: selection.score,
    offices: selection.offices.map((o) => ({
      key: newRowKey(),
      office: o.office,
      expectedPct: toPct(o.expectedRate),
      minimumPct: toPct(o.minimumRate),
    })),
  };
}

function ratePair(expected: number | null, minimum: number | null, row?: number): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const [field, pct] of [
    ['expected', expected],
    ['minimum', minimum],
  ] as const) {
    if (pct === null) problems.push({ key: 'random.problem.rateMissing', row, field, values: {} });
    else if (!(pct >= 0 && pct <= 100)) problems.push({ key: 'random.problem.rateRange', row, field, values: { value: pct } });
  }
  if (expected !== null && minimum !== null && minimum > expected)
    problems.push({ key: 'random.problem.minimumAbove', row, field: 'minimum', values: { minimum, expected } });
  return problems;
}

/** The draft the services take, or the list of what stops it. */
export function draftOf(form: RandomSelectionForm): { draft: RandomSelectionDraft | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [...ratePair(form.defaultExpectedPct, form.defaultMinimumPct)];
  if (form.aeoReductionFactor === null || !(form.aeoReductionFactor >= 0 && form.aeoReductionFactor <= 1)) {
    problems.push({ key: 'random.problem.aeoFactor', values: {} });
  }
  if (form.score === null || !Number.isInteger(form.score) || form.score < 0 || form.score > 1000)
    problems.push({ key: 'random.problem.score', values: {} });
  const seen = new Map<string, number>();
  form.offices.forEach((row, i) => {
    const n = i + 1;
    const code = row.office.trim();
    if (code === '') problems.push({ key: 'random.problem.officeMissing', row: n, values: {} });
    else if (code.length > OFFICE_CODE_MAX)
      problems.push({ key: 'random.problem.officeLength', row: n, values: { max: OFFICE_CODE_MAX } });
    else if (seen.has(code))
      problems.push({ key: 'random.problem.officeDuplicate', row: n, values: { office: code, first: seen.get(code) as number } });
    else seen.set(code, n);
    problems.push(...ratePair(row.expectedPct, row.minimumPct, n));
  });
  if (problems.length > 0) return { draft: null, problems };
  const parsed = RandomSelectionDraft.safeParse({
    defaultExpectedRate: toRate(form.defaultExpectedPct as number),
    defaultMinimumRate: toRate(form.defaultMinimumPct as number),
    aeoReductionFactor: form.aeoReductionFactor,
    lane: form.lane,
    score: form.score,
    offices: form.offices.map((row) => ({
      office: row.office.trim(),
      expectedRate: toRate(row.expectedPct as number),
      minimumRate: toRate(row.minimumPct as number),
    })),
  });
  if (!parsed.success) {
    // The checks above mirror the schema; anything left is still named by its path.
    return {
      draft: null,
      problems: parsed.error.issues.map((i) => ({
        key: 'random.problem.schema',
        values: { path: i.path.join('.'), message: i.message },
      })),
    };
  }
  return { draft: parsed.data, problems: [] };
}
