/**
 * Canonical forms the engine compares on, so that "8517.12", "851712" and
 * "8517 12" are one HS code and "ACME Trading Co., Ltd." and "Acme Trading" one
 * trader. Plates use the gate's normalisePlate (preload/contract/schemas/gate.ts), so a
 * watchlist plate and a gate sighting agree.
 */

/** Codes and ids: trimmed, upper case, fullwidth folded (NFKC). */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/** HS codes: digits only ("8517.12.00" → "85171200"). */
export function normalizeHsCode(value: string): string {
  return value.replace(/[^0-9]/g, '');
}

/** ISO 6346 container numbers: letters and digits only, upper case. */
export function normalizeContainerId(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();
}

/**
 * Legal-form words that say nothing about who the trader is. Longest first for
 * the CJK ones, because they are stripped as substrings (Chinese has no spaces).
 */
const CJK_LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '集团有限公司',
  '集團有限公司',
  '有限公司',
  '株式会社',
  '集团',
  '集團',
  '公司',
];
const LATIN_LEGAL_FORMS = new Set([
  'LTD',
  'LIMITED',
  'CO',
  'COMPANY',
  'INC',
  'INCORPORATED',
  'CORP',
  'CORPORATION',
  'LLC',
  'LLP',
  'PLC',
  'GMBH',
  'AG',
  'KG',
  'SA',
  'SAS',
  'SARL',
  'SRL',
  'SPA',
  'BV',
  'NV',
  'PTE',
  'PTY',
  'OY',
  'AB',
  'AS',
  'JSC',
  'OOO',
  'ZAO',
  'KK',
  'BHD',
  'SDN',
]);
/** Abbreviations expanded so "Imp. & Exp." and "Import Export" compare equal. */
const LATIN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  IMP: 'IMPORT',
  EXP: 'EXPORT',
  INTL: 'INTERNATIONAL',
  INTERNATL: 'INTERNATIONAL',
  MFG: 'MANUFACTURING',
  MFRS: 'MANUFACTURERS',
  TRDG: 'TRADING',
  ELEC: 'ELECTRONICS',
  ELECS: 'ELECTRONICS',
  TECH: 'TECHNOLOGY',
  LOGS: 'LOGISTICS',
  IND: 'INDUSTRIAL',
  INDS: 'INDUSTRIES',
};
/**
 * A Chinese company name usually starts with its region, with or without the
 * administrative words: "广东省深圳市华强", "深圳市华强" and "深圳华强" are one
 * company. The province is dropped (the city is the distinctive part), the city
 * kept without 市.
 */
const CJK_PROVINCE = /^\p{Script=Han}{2,3}?(省|自治区)/u;
const CJK_CITY = /^(\p{Script=Han}{2,3}?)市/u;

function stripCjkRegionMarkers(token: string): string {
  return token.replace(CJK_PROVINCE, '').replace(CJK_CITY, '$1');
}

/** Latin plural "S" dropped: "Textiles" and "Textile" are one word here. */
function singular(token: string): string {
  return token.length > 3 && token.endsWith('S') && !token.endsWith('SS') && /^[A-Z0-9]+$/.test(token)
    ? token.slice(0, -1)
    : token;
}
const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF]/;
/** Every character below U+0080 (code units, not a regex, so no control-character pattern is needed). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Trader name → tokens without case, punctuation, diacritics or legal forms.
 * CJK runs are kept as one token each (no word boundaries to split on).
 */
export function traderNameTokens(name: string): string[] {
  // Plain ASCII (most Latin names) needs no Unicode normalization and holds no CJK: the same result, faster.
  const ascii = isAscii(name);
  let text = ascii
    ? name.toUpperCase()
    : name
        .normalize('NFKD')
        .replace(/[\u0300-\u036F]+/g, '') // Latin diacritics: "Société" → "Societe" (kana marks stay)
        .normalize('NFKC') // fullwidth → ASCII, recompose the rest
        .toUpperCase();
  if (!ascii && CJK.test(text)) for (const form of CJK_LEGAL_FORMS) text = text.split(form).join(' ');
  const tokens = text
    .replace(/[.'’]/g, '') // "S.A." → "SA", "Imp." → "IMP", "d’Import" → "DIMPORT"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((token) => token.length > 0 && !LATIN_LEGAL_FORMS.has(token));
  if (ascii) return tokens.map((token) => LATIN_ABBREVIATIONS[token] ?? singular(token));
  return joinCjkRuns(tokens).map((token) => LATIN_ABBREVIATIONS[token] ?? singular(stripCjkRegionMarkers(token)));
}

/** Spaces carry no meaning between Chinese words: "深圳市 华强电子" is one token. */
function joinCjkRuns(tokens: string[]): string[] {
  const joined: string[] = [];
  for (const token of tokens) {
    const last = joined[joined.length - 1];
    if (last !== undefined && isCjk(last) && isCjk(token)) joined[joined.length - 1] = last + token;
    else joined.push(token);
  }
  return joined;
}

/** Tokens joined, the form compared by similarity. */
export function normalizeTraderName(name: string): string {
  return traderNameTokens(name).join(' ');
}

export function isCjk(text: string): boolean {
  return CJK.test(text);
}
