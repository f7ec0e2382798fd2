// Amounts of money as people type them: "58600", "58,600", "５８６００", "58600元", "5.86万", "¥58,600.00", "58600."
// → fen, exactly (digit strings, never floating point). The canonical form a project stores is "58600.00".

/** Why a text is not an amount: core/i18n/valueText.ts words each code. */
export type MoneyProblem = 'money_expected' | 'money_too_large';

export class MoneyParseError extends Error {
  constructor(readonly code: MoneyProblem) {
    super(code);
  }
}

const AMOUNT = /^(-?)(\d+)(?:\.(\d*))?(万)?$/;

/** Fen in `input`, or a MoneyParseError. A number goes through its shortest decimal form, so 1.234 is refused. */
export function moneyToFen(input: unknown): number {
  const s =
    typeof input === 'number'
      ? Number.isFinite(input)
        ? String(input)
        : ''
      : typeof input === 'string'
        ? tidy(input)
        : '';
  const m = AMOUNT.exec(s);
  // 万 moves the decimal point four places: 5.86万 is 58600 yuan, so up to six decimals still land on whole fen.
  const places = m?.[4] ? 6 : 2;
  if (!m || (m[3] ?? '').length > places) throw new MoneyParseError('money_expected');
  const digits = `${m[2]}${(m[3] ?? '').padEnd(places, '0')}`.replace(/^0+(?=\d)/, '');
  // Both cases count whole fen: yuan × 10² or 万 × 10⁶.
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen) || digits.length > 17) throw new MoneyParseError('money_too_large');
  return m[1] && fen ? -fen : fen;
}

/** Full-width to ASCII, currency words and separators out: what is left is digits, one point and perhaps 万. */
function tidy(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s,]/g, '')
    .replace(/^(?:¥|RMB|CNY|人民币)/i, '')
    .replace(/(?:元整?|圆整?|块)$/, '')
    .replace(/^¥/, '');
}

/** "5.86万" → "58600.00"; undefined when the text is not an amount (it is then left as typed, and reported). */
export function canonicalMoney(input: unknown): string | undefined {
  try {
    const fen = moneyToFen(input);
    const abs = Math.abs(fen);
    return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  } catch {
    return undefined;
  }
}
