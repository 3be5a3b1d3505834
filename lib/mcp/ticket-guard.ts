import "server-only";
import type { ActorContext } from "@/lib/context";
import type { AnyTool } from "@/lib/mcp/tool";
import { assertNotLockedDown } from "@/lib/services/tickets/assert-not-locked-down";

/** The ticket numbers a tool call writes to: its `ticket`, or the `tickets` of a bulk change. */
function ticketsWritten(input: unknown): number[] {
  const { ticket, tickets } = (input ?? {}) as { ticket?: unknown; tickets?: unknown };
  if (typeof ticket === "number") return [ticket];
  if (Array.isArray(tickets)) return tickets.filter((t): t is number => typeof t === "number");
  return [];
}

/**
 * Before a write tool runs: the workspace's lockdown may hold the tickets it writes to. Read tools,
 * and the tool that records an agent's review, pass.
 */
export async function guardTicketWrite(ctx: ActorContext, tool: AnyTool, input: unknown): Promise<void> {
  if (tool.annotations.readOnlyHint || tool.unlocksLockdown) return;
  await assertNotLockedDown(ctx, ticketsWritten(input));
}
