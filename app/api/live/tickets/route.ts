// The ticket list's live poll: the list's version and who is on each row shown
// (GET ?tickets=12,13,14). Web session only.
import { liveResponse } from "@/lib/live/http";
import { pollTicketList } from "@/lib/live/presence";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const tickets = new URL(request.url).searchParams.get("tickets") ?? undefined;
  return liveResponse(({ ctx }) => pollTicketList(ctx, { tickets }));
}
