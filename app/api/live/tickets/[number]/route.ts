// A ticket page's live channel: the member's presence heartbeat (POST, answering the ticket's
// version and who else is on it) and leaving the page (DELETE). Web session only.
import { jsonBody, liveResponse } from "@/lib/live/http";
import { beatTicketPresence, leaveTicketPresence } from "@/lib/live/presence";
import type { PresenceHeartbeatInput } from "@/lib/validations/live";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ number: string }> };

export async function POST(request: Request, { params }: Params) {
  return liveResponse(async ({ ctx }) =>
    beatTicketPresence(ctx, {
      ...(await jsonBody(request)),
      ticket: (await params).number,
    } as PresenceHeartbeatInput),
  );
}

export async function DELETE(_request: Request, { params }: Params) {
  return liveResponse(async ({ ctx }) => leaveTicketPresence(ctx, { ticket: (await params).number }));
}
