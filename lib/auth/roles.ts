import type { Role } from "@/lib/generated/prisma/enums";

// owner ⊇ admin ⊇ agent
export const ROLE_RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && ROLE_RANK[role] >= ROLE_RANK[needed];
}
