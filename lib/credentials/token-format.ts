import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

// One format for every secret Deskbridge issues, after GitHub's: a kind prefix,
// 30 base62 characters of randomness (~178 bits) and a 6-character base62
// CRC32 checksum, so a server tells kinds apart and rejects typos without a
// database lookup, and secret scanners can match them.

export const TOKEN_KINDS = {
  workspace_key: "dbk_",
  personal_token: "dbp_",
  oauth_access: "dba_",
  oauth_refresh: "dbr_",
  oauth_code: "dbc_",
  invitation: "dbi_",
  password_reset: "dbw_",
  sign_in_challenge: "dbt_",
} as const;

export type TokenKind = keyof typeof TOKEN_KINDS;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const TOKEN_PATTERN = /^(db[kparciwt])_([0-9A-Za-z]{36})$/;
const KIND_BY_PREFIX = new Map<string, TokenKind>(
  Object.entries(TOKEN_KINDS).map(([kind, prefix]) => [prefix, kind as TokenKind]),
);

function toBase62(value: number, width: number): string {
  let out = "";
  let n = value >>> 0;
  do {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniform.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

function checksumOf(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

export function generateToken(kind: TokenKind): string {
  const random = randomBase62(RANDOM_LENGTH);
  return `${TOKEN_KINDS[kind]}${random}${checksumOf(random)}`;
}

/** The token's kind when its shape and checksum are right; null for anything else. */
export function parseToken(token: string): TokenKind | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, prefix, rest] = match as unknown as [string, string, string];
  const random = rest.slice(0, RANDOM_LENGTH);
  const expected = Buffer.from(checksumOf(random));
  const given = Buffer.from(rest.slice(RANDOM_LENGTH));
  if (!timingSafeEqual(expected, given)) return null;
  return KIND_BY_PREFIX.get(`${prefix}_`) ?? null;
}

/** What is stored: SHA-256 of the whole token, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The display fragment stored beside the hash: prefix and last four characters. */
export function tokenDisplay(token: string): { prefix: string; lastFour: string } {
  return { prefix: token.slice(0, 4), lastFour: token.slice(-4) };
}

export function maskToken(prefix: string, lastFour: string): string {
  return `${prefix}…${lastFour}`;
}

/** Constant-time equality of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}
