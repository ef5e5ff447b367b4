/**
 * Rules compare values in US dollars (the starter rules' thresholds are in USD).
 * Indicative rates, units of USD per unit of the foreign currency; an amount in a
 * currency not listed becomes unknown for value rules rather than a wrong number.
 */
import type { CurrencyConversion } from '../risk/subject-from-declaration';

export const DEFAULT_CONVERSION: CurrencyConversion = {
  referenceCurrency: 'USD',
  rates: { EUR: 1.08, CNY: 0.14, HKD: 0.128, GBP: 1.27, JPY: 0.0067, SGD: 0.74, KRW: 0.00072, AUD: 0.65, CAD: 0.73, CHF: 1.12 },
};
