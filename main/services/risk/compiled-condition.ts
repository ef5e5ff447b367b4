import { RISK_FIELDS, unsafeRegexReason, type Condition, type RiskField } from '../../../preload/contract/schemas/risk';
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import { normalizeCode, normalizeContainerId, normalizeHsCode } from './normalize';
import type { FieldValues } from './prepared-subject';

type Value = string | number | boolean;

/** A condition ready to run: its test on one value, and how to explain what it expected. */
export interface CompiledCondition {
  condition: Condition;
  field: RiskField;
  level: 'item' | 'declaration';
  /** Text shown in a hit's explanation. */
  expected: string;
  /** The value that satisfied the condition, or undefined when it does not hold. */
  satisfiedBy(values: FieldValues): Value | null | undefined;
}

/** Expected values go through the same normalization as the subject's. */
function normalizerFor(field: RiskField): (value: string) => string {
  switch (field) {
    case 'hsCode':
      return normalizeHsCode;
    case 'vehiclePlate':
      return normalisePlate;
    case 'containerId':
      return normalizeContainerId;
    default:
      return normalizeCode;
  }
}

function normalizeExpected(field: RiskField, value: Value): Value {
  return typeof value === 'string' ? normalizerFor(field)(value) : value;
}

export function compileCondition(condition: Condition): CompiledCondition {
  const { field } = condition;
  const level = RISK_FIELDS[field].level;
  const any = (expected: string, test: (value: Value) => boolean): CompiledCondition => ({
    condition,
    field,
    level,
    expected,
    satisfiedBy: (values) => {
      for (let i = 0; i < values.length; i++) if (test(values[i]!)) return values[i];
      return undefined;
    },
  });

  switch (condition.op) {
    case 'eq': {
      const target = normalizeExpected(field, condition.value);
      return any(String(target), (value) => value === target);
    }
    case 'ne': {
      const target = normalizeExpected(field, condition.value);
      // Unknown (no value) never holds; several values hold only when none equals.
      return {
        condition,
        field,
        level,
        expected: `≠ ${String(target)}`,
        satisfiedBy: (values) => (values.length === 0 || values.includes(target) ? undefined : (values[0] ?? null)),
      };
    }
    case 'prefix': {
      const target = normalizerFor(field)(condition.value);
      return any(`${target}…`, (value) => typeof value === 'string' && value.startsWith(target));
    }
    case 'in': {
      const targets = new Set<Value>(condition.values.map((v) => normalizeExpected(field, v)));
      return any(`[${[...targets].join(', ')}]`, (value) => targets.has(value));
    }
    case 'range': {
      const min = condition.min ?? -Infinity;
      const max = condition.max ?? Infinity;
      const shown = `${condition.min ?? ''}..${condition.max ?? ''}`;
      return any(shown, (value) => typeof value === 'number' && value >= min && value <= max);
    }
    case 'regex': {
      const flags = condition.flags ?? '';
      // Also checked at save (zod); checked again here so an unparsed config cannot slip a bad pattern in.
      const unsafe = unsafeRegexReason(condition.pattern, flags);
      if (unsafe) throw new Error(`regex /${condition.pattern}/ on ${field} rejected: ${unsafe}`);
      const regex = new RegExp(condition.pattern, `u${flags}`);
      return any(`/${condition.pattern}/${flags}`, (value) => typeof value === 'string' && regex.test(value));
    }
  }
}
