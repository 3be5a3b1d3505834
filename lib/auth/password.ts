import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended memory cost (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH_VALUE as MIN_PASSWORD_LENGTH } from "@/lib/validations/password";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
