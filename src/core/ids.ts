// Ids of institutions and datasets, derived from their names the same way on every channel.

/** Longest readable part of an id; longer names are cut and get a hash so they stay distinct. */
const MAX = 60;
const HASH_LENGTH = 8;
// Crockford's base32 in lower case: no i, l, o or u to misread.
const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * A file-name-safe id for a name, not in `taken`.
 * Latin letters and digits make a readable slug; a name without Latin letters (Thai only) gets
 * `th-` and a hash of the name, so the same name always gets the same id; a duplicate gets -2, -3…
 */
export function idFor(name: string, taken: Iterable<string> = []): string {
  const base = baseId(name);
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function baseId(name: string): string {
  // NFC and single spaces, so that the same name typed two ways hashes the same.
  const clean = name.normalize("NFC").trim().replace(/\s+/g, " ");
  if (clean === "") return "unnamed";
  const slug = clean
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/[a-z]/.test(slug)) return `${/\p{Script=Thai}/u.test(clean) ? "th" : "x"}-${hash(clean)}`;
  if (slug.length <= MAX) return slug;
  const room = MAX - HASH_LENGTH - 1;
  const cut = slug.lastIndexOf("-", room);
  // Cut at the last word boundary that fits; a single overlong word is cut where it must be.
  return `${slug.slice(0, cut > 0 ? cut : room)}-${hash(clean)}`;
}

/** Eight base32 characters of a 64-bit FNV-1a hash of the name's UTF-8 bytes: short, stable, no dependency. */
function hash(text: string): string {
  const M = 0xffffffffffffffffn;
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & M;
  // MurmurHash3's finaliser: without it names differing in their last letter get look-alike hashes.
  h = ((h ^ (h >> 33n)) * 0xff51afd7ed558ccdn) & M;
  h = ((h ^ (h >> 33n)) * 0xc4ceb9fe1a85ec53n) & M;
  h ^= h >> 33n;
  let out = "";
  for (let i = 0; i < HASH_LENGTH; i++) out += BASE32[Number((h >> BigInt(59 - 5 * i)) & 31n)];
  return out;
}
