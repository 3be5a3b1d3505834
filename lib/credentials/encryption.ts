import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

// The few secrets the server must read back rather than check (a refresh
// token's successor during its grace window; later webhook signing keys) are
// held with AES-256-GCM under SECRET_ENCRYPTION_KEY. Format: v1.<iv>.<sealed+tag>.

const VERSION = "v1";

function key(): Buffer | null {
  const value = getEnv().SECRET_ENCRYPTION_KEY;
  return value ? Buffer.from(value, "base64url") : null;
}

/** True when a key is configured (the embedded default always has one). */
export function canEncrypt(): boolean {
  return key() !== null;
}

export function encryptSecret(plain: string): string {
  const k = key();
  if (!k) throw new Error("SECRET_ENCRYPTION_KEY is not set");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}

/** The plain secret, or null when the value was not sealed under this key (or was altered). */
export function decryptSecret(value: string): string | null {
  const k = key();
  const [version, iv, sealed] = value.split(".");
  if (!k || version !== VERSION || !iv || !sealed) return null;
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
