import { Condition, OPERATORS_BY_KIND, RISK_FIELDS, type Operator, type RiskField } from '../../../preload/contract/schemas/risk';

/** A condition as the editor holds it: every value as typed text, converted on save. */
export interface ConditionDraft {
  field: RiskField;
  op: Operator;
  /** eq/ne/prefix value, comma-separated `in` values, or the regex pattern. */
  text: string;
  min: string;
  max: string;
  ignoreCase: boolean;
}

export function operatorsFor(field: RiskField): readonly Operator[] {
  return OPERATORS_BY_KIND[RISK_FIELDS[field].kind];
}

export function toDraft(c: Condition): ConditionDraft {
  const base = { field: c.field, op: c.op, text: '', min: '', max: '', ignoreCase: false };
  switch (c.op) {
    case 'eq':
    case 'ne':
      return { ...base, text: String(c.value) };
    case 'prefix':
      return { ...base, text: c.value };
    case 'in':
      return { ...base, text: c.values.join(', ') };
    case 'range':
      return { ...base, min: c.min === undefined ? '' : String(c.min), max: c.max === undefined ? '' : String(c.max) };
    case 'regex':
      return { ...base, text: c.pattern, ignoreCase: c.flags === 'i' };
  }
}

function num(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The condition the services take; invalid input is left for the zod schema to name. */
export function fromDraft(d: ConditionDraft): unknown {
  const kind = RISK_FIELDS[d.field].kind;
  switch (d.op) {
    case 'eq':
    case 'ne': {
      const value = kind === 'number' ? num(d.text) : kind === 'flag' ? d.text === 'true' : d.text.trim();
      return { field: d.field, op: d.op, value };
    }
    case 'prefix':
      return { field: d.field, op: 'prefix', value: d.text.trim() };
    case 'in': {
      const parts = d.text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      return { field: d.field, op: 'in', values: kind === 'number' ? parts.map((p) => Number(p)) : parts };
    }
    case 'range':
      return { field: d.field, op: 'range', min: num(d.min), max: num(d.max) };
    case 'regex':
      return { field: d.field, op: 'regex', pattern: d.text, flags: d.ignoreCase ? 'i' : undefined };
  }
}

/** The converted condition, or the reason it is not valid yet. */
export function checkDraft(d: ConditionDraft): { ok: true; condition: Condition } | { ok: false; message: string } {
  const parsed = Condition.safeParse(fromDraft(d));
  if (parsed.success) return { ok: true, condition: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
}

export function newCondition(): ConditionDraft {
  return { field: 'hsCode', op: 'prefix', text: '', min: '', max: '', ignoreCase: false };
}
