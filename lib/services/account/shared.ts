import "server-only";

/** Who changes their own account, from where, in which web session. */
export type AccountActor = { userId: string; ip: string | null; sessionId: string | null };
