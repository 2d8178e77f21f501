// Exact fractions for scores. Levels are quarters, practices are weighted shares and
// datasets are counts, so every figure of the method is a ratio of whole numbers: computing
// with those ratios (BigInt, never overflowing) makes ties true ties and rounds halves the
// same way every time, where binary floating point would rank 0.2500000000000001 first.

export interface Ratio {
  /** Numerator; the sign lives here. */
  readonly n: bigint;
  /** Denominator, always > 0; the pair is always reduced. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("ratio with a zero denominator");
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = ratio(0);
export const ONE = ratio(1);

/**
 * The exact value of a finite number as written in decimal (a weight of 1.5 is 3/2, of 0.1 is
 * 1/10): module authors write decimals, and their shortest decimal form is what they meant.
 */
export function fromNumber(x: number): Ratio {
  let r = known.get(x);
  if (r === undefined) {
    r = decimal(x);
    if (known.size < 4096) known.set(x, r);
  }
  return r;
}

/** The few numbers met again and again (option weights, quarter scores), each read once: a Ratio never changes. */
const known = new Map<number, Ratio>();

function decimal(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return ratio(BigInt(x));
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
  const digits = BigInt(`${m[2]}${m[3] ?? ""}`);
  const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  const sign = m[1] === "-" ? -1n : 1n;
  return exp >= 0 ? ratio(sign * digits * 10n ** BigInt(exp)) : ratio(sign * digits, 10n ** BigInt(-exp));
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);

/** -1, 0 or 1, exactly. */
export function compare(a: Ratio, b: Ratio): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sum(xs: readonly Ratio[]): Ratio {
  return xs.reduce(add, ZERO);
}

/** The plain mean, or undefined for none. */
export function mean(xs: readonly Ratio[]): Ratio | undefined {
  return xs.length ? div(sum(xs), ratio(xs.length)) : undefined;
}

/** The nearest double: for files and charts, never for further arithmetic. */
export function toNumber(x: Ratio): number {
  const limit = 2n ** 53n;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  if (abs(x.n) < limit && x.d < limit) return Number(x.n) / Number(x.d);
  // Large terms: 17 significant decimals are more than a double holds.
  const scale = 10n ** 17n;
  return Number((x.n * scale) / x.d) / 1e17;
}

/**
 * Rounded to `digits` decimals, halves away from zero, decided on the exact value (12.125
 * gives 12.13 and 1.005 gives 1.01, which Math.round on doubles gets wrong).
 */
export function round(x: Ratio, digits: number): number {
  const scale = 10n ** BigInt(digits);
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  const q = (2n * n * scale + x.d) / (2n * x.d);
  return (neg ? -Number(q) : Number(q)) / Number(scale);
}

/** "550/9", or "12" for a whole number: how exact figures are written in results files. */
export function format(x: Ratio): string {
  return x.d === 1n ? String(x.n) : `${x.n}/${x.d}`;
}

/** The inverse of format; undefined for anything else. */
export function parse(s: string): Ratio | undefined {
  const m = /^(-?\d{1,200})(?:\/(\d{1,200}))?$/.exec(s);
  if (!m || m[2] === "0" || /^0+$/.test(m[2] ?? "1")) return undefined;
  return ratio(BigInt(m[1]!), BigInt(m[2] ?? "1"));
}
