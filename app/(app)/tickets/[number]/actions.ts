"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { newerMessagesQuestion } from "@/lib/live/newer-messages";
import {
  postMessageWithAttachments,
  type UploadedFile,
} from "@/lib/services/attachments/post-message-with-attachments";
import { discardDraftReply } from "@/lib/services/drafts/discard-draft-reply";
import { sendDraftReply } from "@/lib/services/drafts/send-draft-reply";
import { sendCsatRequest } from "@/lib/services/csat/send-csat-request";
import { setTicketSpam } from "@/lib/services/email/ticket-email";
import { applyMacro } from "@/lib/services/macros/apply-macro";
import { previewMacro } from "@/lib/services/macros/preview-macro";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { markTicketReviewed } from "@/lib/services/tickets/mark-ticket-reviewed";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { replyAndSetStatus } from "@/lib/services/tickets/reply-and-set-status";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { setTicketStatus } from "@/lib/services/tickets/set-ticket-status";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import type { DraftRefInput, SendDraftInput } from "@/lib/validations/mcp-safety";
import type { NoteInput, ReplyAndSetStatusInput, ReplyInput } from "@/lib/validations/tickets";

type Input = Record<string, unknown> & { ticket: string };

/** Parse the form, act as the signed-in agent, refresh the ticket page. */
function ticketAction(
  form: FormData,
  run: (ctx: ActorContext, input: Input) => Promise<unknown>,
  done: string | ((result: unknown) => string),
) {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form) as Input;
    const result = await run(ctx, input);
    revalidatePath(`/tickets/${input.ticket}`);
    return { status: "ok", message: typeof done === "string" ? done : done(result) };
  });
}

/** The closed ticket past its reopen window stays closed; say where the follow-up went. */
const statusDone = (result: unknown) => {
  const followUp = (result as { follow_up?: number | null }).follow_up;
  return followUp ? `This ticket stays closed: follow-up #${followUp} was opened.` : "Status changed.";
};

const splitTags = (value: unknown) =>
  String(value ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The composer's chosen files. An empty file input still sends one empty entry (its name is not
 * even kept on the way), so empty files are left out; the picker refuses them before sending.
 */
async function uploadedFiles(form: FormData): Promise<UploadedFile[]> {
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      contentTypeHint: f.type,
    })),
  );
}

/**
 * The composer: a reply, an internal note, or a reply that then sets the status ("Send and set
 * pending / resolved" send `then`), each with any chosen files. A reply carries the newest message
 * its writer had seen; when more arrived since, the tickets' collision guard refuses it and the
 * composer asks, and "Send anyway" (`send_anyway`: the reply's `then`, or "reply") sends it over them.
 */
export async function replyAction(_prev: ActionState, form: FormData) {
  const files = await uploadedFiles(form);
  form.delete("files");
  const anyway = form.get("send_anyway");
  form.delete("send_anyway");
  if (anyway) {
    form.delete("last_seen_message_id");
    form.delete("kind");
    if (anyway !== "reply") form.set("then", String(anyway));
  }
  const send = (ctx: ActorContext, input: Input) => {
    const kind = input.kind === "note" ? "note" : "reply";
    const then = kind === "reply" && input.then ? (input.then as ReplyAndSetStatusInput["status"]) : undefined;
    if (files.length) return postMessageWithAttachments(ctx, { kind, input: input as ReplyInput, files, then });
    if (kind === "note") return addInternalNote(ctx, input as NoteInput);
    const reply = input as ReplyInput;
    return then ? replyAndSetStatus(ctx, { ...reply, status: then }) : replyToTicket(ctx, reply);
  };
  return runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form) as Input;
    let result: { ticket: number; status?: string; follow_up_of?: number | null };
    try {
      result = await send(ctx, input);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict" && error.details?.newer_messages)) throw error;
      revalidatePath(`/tickets/${input.ticket}`);
      return {
        status: "error",
        message: newerMessagesQuestion(error.details),
        data: { newer: true, then: input.then ?? null },
      };
    }
    revalidatePath(`/tickets/${input.ticket}`);
    if (result.follow_up_of)
      return { status: "ok", message: `This ticket is closed: the reply went to follow-up #${result.ticket}.` };
    return { status: "ok", message: input.then && result.status ? `Sent; the ticket is ${result.status}.` : "Sent." };
  });
}

export async function assignAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => assignTicket(ctx, { ticket: input.ticket, assignee: input.assignee as string }),
    "Assignment saved.",
  );
}

export async function transferAction(_prev: ActionState, form: FormData) {
  return ticketAction(form, (ctx, input) => transferTicket(ctx, input as Input & { team: string }), "Transferred.");
}

export async function addTagsAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => addTicketTags(ctx, { ticket: input.ticket, tags: splitTags(input.tags) }),
    "Tags added.",
  );
}

export async function removeTagAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => removeTicketTags(ctx, { ticket: input.ticket, tags: splitTags(input.tag) }),
    "Tag removed.",
  );
}

/** The status picker's value is a base status, or "base:caseStatusId" for a sub-status. */
export async function setStatusAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => {
      const [status, caseStatus] = String(input.target ?? "").split(":");
      return setTicketStatus(ctx, { ticket: input.ticket, status: status as never, case_status: caseStatus ?? null });
    },
    statusDone,
  );
}

export async function priorityAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => updateTicket(ctx, { ticket: input.ticket, priority: input.priority as "normal" }),
    "Priority changed.",
  );
}

/** What a macro would do to this ticket (nothing is written). */
export async function previewMacroAction(macro: string, ticket: number): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const preview = await previewMacro(ctx, { macro, ticket });
    return { status: "ok", data: preview };
  });
}

/** Applies a macro to this ticket and refreshes the page; data.results says what each action did. */
export async function applyMacroAction(macro: string, ticket: number): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const applied = await applyMacro(ctx, { macro, ticket });
    revalidatePath(`/tickets/${ticket}`);
    const refused = applied.results.filter((r) => r.result === "refused").length;
    return {
      status: "ok",
      message: refused
        ? `Applied “${applied.macro.name}”; ${refused} action(s) refused.`
        : `Applied “${applied.macro.name}”.`,
      data: applied,
    };
  });
}

export async function sendCsatAction(_prev: ActionState, form: FormData) {
  return ticketAction(form, (ctx, input) => sendCsatRequest(ctx, { ticket: input.ticket }), "New rating link issued.");
}

export async function spamAction(_prev: ActionState, form: FormData) {
  return ticketAction(
    form,
    (ctx, input) => setTicketSpam(ctx, { ticket: input.ticket, spam: input.spam as string }),
    (result) => ((result as { spam: boolean }).spam ? "Moved to spam." : "Back in the inbox."),
  );
}

/** Sends a draft an MCP client proposed, as the agent's own reply (edited or as proposed). */
export async function sendDraftAction(_prev: ActionState, form: FormData) {
  return ticketAction(form, (ctx, input) => sendDraftReply(ctx, input as SendDraftInput), "Draft sent.");
}

export async function discardDraftAction(_prev: ActionState, form: FormData) {
  return ticketAction(form, (ctx, input) => discardDraftReply(ctx, input as DraftRefInput), "Draft discarded.");
}

/** The agent has read the conversation: the workspace's MCP lockdown lets writes through again. */
export async function markReviewedAction(_prev: ActionState, form: FormData) {
  return ticketAction(form, (ctx, input) => markTicketReviewed(ctx, input), "Marked reviewed.");
}
