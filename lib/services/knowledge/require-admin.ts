import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** Categories shape the public help center: admins and owners arrange them, as they delete articles. */
export function requireKnowledgeAdmin(ctx: ActorContext, what: string) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", `Only admins and owners ${what}.`);
}
