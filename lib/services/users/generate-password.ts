import "server-only";
import { randomBytes } from "node:crypto";

/** A readable random password for operators to hand over (≈ 100 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url").replace(/[-_]/g, "x");
}
