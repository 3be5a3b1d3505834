import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { GetMessageSchema, type GetMessageInput } from "@/lib/validations/tickets";

export const MESSAGE_CHUNK_CHARS = 20_000;

/** One message's body from an offset, in chunks small enough for a model's context. */
export async function getMessage(ctx: ActorContext, input: GetMessageInput) {
  const { message_id, offset } = parseInput(GetMessageSchema, input);
  const message = await prisma.message.findFirst({
    where: { ...inWorkspace(ctx), id: message_id },
    select: {
      id: true,
      kind: true,
      authorType: true,
      body: true,
      createdAt: true,
      ticket: { select: { number: true } },
    },
  });
  if (!message) throw notFound("Message");
  const body = message.body.slice(offset, offset + MESSAGE_CHUNK_CHARS);
  const end = offset + body.length;
  return {
    id: message.id,
    ticket: message.ticket.number,
    kind: message.kind,
    author_type: message.authorType,
    body,
    offset,
    body_length: message.body.length,
    next_offset: end < message.body.length ? end : null,
    created_at: message.createdAt.toISOString(),
  };
}
