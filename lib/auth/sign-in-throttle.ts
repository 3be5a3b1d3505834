import "server-only";
import { createHash } from "node:crypto";
import { backoffState, clearFailures, recordFailure, waitAfter, type BackoffPolicy } from "@/lib/rate-limit/backoff";

// Password sign-in costs an Argon2id hash, so failed tries are throttled per
// account (whether it exists or not) and per client address, before the hash
// runs: five free tries per account, then 30 s, doubling up to 15 minutes;
// twenty per address, since offices share one. Failures are forgotten an hour
// after the first; a sign-in that succeeds clears its account's.
export const ACCOUNT_BACKOFF: BackoffPolicy = {
  name: "signin-account",
  free: 5,
  firstWaitS: 30,
  maxWaitS: 900,
  memoryS: 3_600,
};
export const ADDRESS_BACKOFF: BackoffPolicy = {
  name: "signin-ip",
  free: 20,
  firstWaitS: 30,
  maxWaitS: 900,
  memoryS: 3_600,
};

/** The same sentence for every account, known or not. */
export function throttledMessage(waitS: number): string {
  const wait = waitS < 120 ? `${waitS} second${waitS === 1 ? "" : "s"}` : `${Math.ceil(waitS / 60)} minutes`;
  return `Too many sign-in attempts. Try again in ${wait}.`;
}

type Subject = { email: string; ip: string | null };

// Emails are not kept in the counter store, only a digest of them.
const accountOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

export type SignInAttempt =
  { refused: true; retryAfterS: number } | { refused: false; succeeded(): Promise<void>; failed(): Promise<void> };

/**
 * Admits one password check or refuses it with the wait left. The account's
 * try is counted before the hash, so parallel tries cannot all pass the check
 * at once; `succeeded` clears the account, `failed` counts against the address.
 */
export async function beginSignInAttempt({ email, ip }: Subject): Promise<SignInAttempt> {
  const account = accountOf(email);
  try {
    const [byAccount, byAddress] = await Promise.all([
      backoffState(ACCOUNT_BACKOFF, account),
      ip ? backoffState(ADDRESS_BACKOFF, ip) : null,
    ]);
    const waitS = Math.max(byAccount.waitS, byAddress?.waitS ?? 0);
    if (waitS > 0) return { refused: true, retryAfterS: waitS };
    const tries = await recordFailure(ACCOUNT_BACKOFF, account);
    // Another try counted since the check: it holds this one's turn.
    const earned = waitAfter(ACCOUNT_BACKOFF, tries - 1);
    if (tries > byAccount.failures + 1 && earned > 0) return { refused: true, retryAfterS: earned };
  } catch (error) {
    // Like every limit here, the throttle fails open when its store does.
    console.warn(`[deskbridge] sign-in throttle unavailable: ${error instanceof Error ? error.message : error}`);
  }
  return {
    refused: false,
    succeeded: () => clearFailures(ACCOUNT_BACKOFF, account).catch(() => undefined),
    failed: async () => {
      if (ip) await recordFailure(ADDRESS_BACKOFF, ip).catch(() => undefined);
    },
  };
}

/** The wait left for this account and address (what a refusal's Retry-After says); spends nothing. */
export async function signInWait({ email, ip }: Subject): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    backoffState(ACCOUNT_BACKOFF, accountOf(email)),
    ip ? backoffState(ADDRESS_BACKOFF, ip) : null,
  ]);
  return Math.max(byAccount.waitS, byAddress?.waitS ?? 0);
}
