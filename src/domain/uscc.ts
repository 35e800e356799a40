// 统一社会信用代码, GB 32100-2015 (see shared/domain/criteria.md §8).

/** The 31 characters of the code: I, O, Z, S, V are never used. Index = character value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** W_i = 3^(i−1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714 organisation code (positions 9–17): weights and alphabet of its own check character. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'format' | 'check_digit';

/** The check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-cases, drops spaces and turns full-width letters and digits into ASCII. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** null when the code is valid; otherwise what is wrong with it. */
export function checkUscc(code: string): UsccProblem | null {
  if (!USCC_PATTERN.test(code)) return 'format';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}

/** The GB 11714 check character of an 8-character organisation code body. */
export function organizationCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Builds a valid code for a company (9 1) registered by the authority of `areaCode`. Demo and tests. */
export function makeUscc(areaCode: string, organizationBody8: string): string {
  if (!/^\d{6}$/.test(areaCode) || !/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(organizationBody8))
    throw new Error(`not a valid code body: ${areaCode} ${organizationBody8}`);
  const first17 = `91${areaCode}${organizationBody8}${organizationCodeCheckChar(organizationBody8)}`;
  return first17 + usccCheckChar(first17);
}
