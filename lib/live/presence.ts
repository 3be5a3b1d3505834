import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { presenceKey, presenceOn, readEntries, ttlOf, withEntry, type Presence } from "@/lib/live/presence-entries";
import { ticketListVersion, ticketVersion } from "@/lib/live/version";
import { counterStore, type CounterStore } from "@/lib/rate-limit/store";
import {
  LiveListSchema,
  PresenceHeartbeatSchema,
  PresenceLeaveSchema,
  type LiveListInput,
  type PresenceHeartbeatInput,
  type PresenceLeaveInput,
} from "@/lib/validations/live";

// Who is on which ticket, kept in the limiter's store (process memory, or Redis/Upstash shared by
// every instance) with a short TTL, so a closed tab drops out by itself.

function memberOf(ctx: ActorContext): string {
  if (!ctx.userId) throw new AppError("user_required", "Presence belongs to a signed-in member.");
  return ctx.userId;
}

/** Sets (or with `state` null, clears) the member's entry for one ticket. */
async function writeEntry(ctx: ActorContext, ticket: number, state: Presence["state"] | null, store: CounterStore) {
  const key = presenceKey(ctx.workspaceId, memberOf(ctx));
  const now = Date.now();
  const [raw] = await store.getValues([key]);
  const entries = withEntry(readEntries(raw ?? null, now), ticket, state, now);
  await store.setValue(key, JSON.stringify(entries), Math.max(1, ttlOf(entries, now)));
}

/** Who else is on each ticket: every active member's value, read in one round trip. */
async function readPresence(ctx: ActorContext, tickets: readonly number[], store: CounterStore) {
  if (!tickets.length) return {};
  const members = await prisma.membership.findMany({
    where: { ...inWorkspace(ctx), deactivatedAt: null },
    select: { user: { select: { id: true, name: true } } },
  });
  const people = members.map((m) => m.user);
  const values = await store.getValues(people.map((p) => presenceKey(ctx.workspaceId, p.id)));
  return presenceOn(people, values, tickets, ctx.userId, Date.now());
}

/**
 * The ticket page's heartbeat: the member is on the ticket (viewing, or replying while the
 * composer has text or focus). Answers the ticket's version and who else is on it.
 */
export async function beatTicketPresence(
  ctx: ActorContext,
  input: PresenceHeartbeatInput,
  store: CounterStore = counterStore(),
): Promise<{ ticket: number; version: string; presence: Presence[] }> {
  const { ticket, state } = parseInput(PresenceHeartbeatSchema, input);
  memberOf(ctx);
  const version = await ticketVersion(ctx, ticket);
  if (!version) throw notFound(`Ticket #${ticket}`);
  await writeEntry(ctx, ticket, state, store);
  const presence = await readPresence(ctx, [ticket], store);
  return { ticket, version, presence: presence[ticket] ?? [] };
}

/** The member left the ticket page. */
export async function leaveTicketPresence(
  ctx: ActorContext,
  input: PresenceLeaveInput,
  store: CounterStore = counterStore(),
): Promise<{ ticket: number; left: true }> {
  const { ticket } = parseInput(PresenceLeaveSchema, input);
  await writeEntry(ctx, ticket, null, store);
  return { ticket, left: true };
}

/** The ticket list's poll: the list's version and who is on each of the rows shown. */
export async function pollTicketList(
  ctx: ActorContext,
  input: LiveListInput,
  store: CounterStore = counterStore(),
): Promise<{ version: string; presence: Record<number, Presence[]> }> {
  const { tickets } = parseInput(LiveListSchema, input);
  memberOf(ctx);
  const [version, presence] = await Promise.all([ticketListVersion(ctx), readPresence(ctx, tickets, store)]);
  return { version, presence };
}
