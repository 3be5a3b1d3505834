import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  acceptedContent,
  CLIENT_CAPABILITIES_META_KEY,
  inputRequired,
  inputResponse,
  type ClientCapabilities,
  type InputRequiredResult,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ConfirmationPolicy, VerifiedCredential } from "@/lib/credentials/verify-bearer";
import { deriveSecretKey } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AnyTool } from "@/lib/mcp/tool";
import { spendOnce } from "@/lib/rate-limit/limiter";

// Destructive MCP actions (deletes, and bulk changes over the workspace's threshold) confirm before
// they act where the workspace or the credential asks for it. The route is stateless on every
// revision, so nothing about a pending confirmation is stored on the server:
//
// - 2026-07-28: the call answers `resultType: "input_required"` with a form elicitation ("confirm")
//   and a requestState that is the confirmation token below; the client asks its user and re-sends
//   the same call with the answer and the state, which any instance can check.
// - 2025-11-25 / 2025-06-18: a mid-call elicitation needs the server to hold the call open while the
//   client answers on the same session, which a stateless JSON route cannot do. The call is refused
//   with `confirmation_required` instead; the refusal carries the token and says to re-call the tool
//   with the same arguments plus `confirm: "<token>"`. A 2026-07-28 client that declares no
//   elicitation capability gets the same refusal.
//
// The token is an HMAC over the workspace, the credential, the tool and the exact arguments, with a
// five-minute expiry, checked in constant time: it confirms that one call and no other, once: the
// first call it confirms spends it in the limiter's store (shared by every instance on Redis).

/** How long a confirmation token stays good. */
export const CONFIRMATION_TTL_SECONDS = 300;
/** The argument a 2025-era client (or any client that cannot elicit) confirms with. */
export const CONFIRM_ARGUMENT = "confirm";
const ELICITATION_KEY = "confirm";
const TOKEN_PREFIX = "c1";

export const CONFIRM_ARGUMENT_SCHEMA = {
  type: "string",
  description:
    "Only when a call was refused with confirmation_required: the token from that refusal, after the person confirmed.",
} as const;

/** A tool that can ask for confirmation: one that loses something, or one that changes tickets in bulk. */
export function mayAskConfirmation(tool: AnyTool): boolean {
  return tool.annotations.destructiveHint || tool.ticketCount !== undefined;
}

/** Why this call needs a confirmation under the policy, in words for the person; null when it needs none. */
export function confirmationReason(tool: AnyTool, input: unknown, policy: ConfirmationPolicy): string | null {
  if (!policy.required) return null;
  if (tool.annotations.destructiveHint) return `${tool.title} cannot be undone.`;
  const count = tool.ticketCount?.(input);
  if (count !== undefined && count > policy.bulkOver)
    return `${tool.title} changes ${count} tickets (this workspace confirms changes to more than ${policy.bulkOver}).`;
  return null;
}

type Binding = { workspaceId: string; credentialId: string; tool: string; args: unknown };

/** JSON with object keys sorted, so the same arguments always sign the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

let key: Buffer | null = null;
/** Random bytes in every token, so two tokens for the same call differ and each is spent on its own. */
const NONCE_BYTES = 9;
function mac(binding: Binding, expires: number, nonce: Buffer): Buffer {
  key ??= deriveSecretKey("mcp-confirmation");
  return createHmac("sha256", key)
    .update(
      canonical([
        binding.workspaceId,
        binding.credentialId,
        binding.tool,
        binding.args,
        expires,
        nonce.toString("hex"),
      ]),
    )
    .digest();
}

/** A token that confirms exactly this call, once, until it expires: the nonce then the HMAC, in one segment. */
export function mintConfirmation(binding: Binding, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + CONFIRMATION_TTL_SECONDS;
  const nonce = randomBytes(NONCE_BYTES);
  return `${TOKEN_PREFIX}.${expires}.${Buffer.concat([nonce, mac(binding, expires, nonce)]).toString("base64url")}`;
}

/** Whether a token confirms this call: "ok", or why not. */
export function checkConfirmation(token: string, binding: Binding, now = Date.now()): "ok" | "expired" | "mismatch" {
  const [prefix, expiresText, signature, ...rest] = token.split(".");
  if (prefix !== TOKEN_PREFIX || !expiresText || !signature || rest.length || !/^\d{1,12}$/.test(expiresText))
    return "mismatch";
  const expires = Number(expiresText);
  const signed = Buffer.from(signature, "base64url");
  // Only the one spelling the server minted: base64url leaves spare bits in its last character, so
  // another spelling can decode to the same bytes, and a token is spent by its text.
  if (signed.length <= NONCE_BYTES || signed.toString("base64url") !== signature) return "mismatch";
  const expected = mac(binding, expires, signed.subarray(0, NONCE_BYTES));
  const given = signed.subarray(NONCE_BYTES);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "mismatch";
  return expires * 1000 <= now ? "expired" : "ok";
}

/** What confirming a call takes on this request: how the client can answer, and what it already sent. */
export type ConfirmationChannel = {
  /** The client can answer an input_required elicitation (2026-07-28 with the elicitation capability). */
  canElicit: boolean;
  /** The 2026-07-28 retry's answers and echoed state, if this is a retry. */
  inputResponses?: Record<string, unknown>;
  requestState?: string;
  /** The `confirm` argument the call carried. */
  token?: string;
};

/** The channel of a tools/call request, from the SDK's handler context. */
export function channelOf(
  era: "modern" | "legacy",
  ctx: ServerContext,
  token: string | undefined,
): ConfirmationChannel {
  if (era === "legacy") return { canElicit: false, token };
  const capabilities = ctx.mcpReq.envelope?.[CLIENT_CAPABILITIES_META_KEY as keyof typeof ctx.mcpReq.envelope] as
    ClientCapabilities | undefined;
  const state = ctx.mcpReq.requestState();
  return {
    // Form mode: declared, or implied by an empty elicitation capability (URL mode alone cannot ask).
    canElicit: Boolean(capabilities?.elicitation && (capabilities.elicitation.form || !capabilities.elicitation.url)),
    inputResponses: ctx.mcpReq.inputResponses,
    requestState: typeof state === "string" ? state : undefined,
    token,
  };
}

const ConfirmAnswerSchema = z.object({ confirm: z.boolean() });

function refusal(message: string, token: string): AppError {
  return new AppError("confirmation_required", message, {
    details: { confirm_token: token, expires_in: CONFIRMATION_TTL_SECONDS },
  });
}

/**
 * Goes on (null) when the call needs no confirmation or carries a good one; otherwise the
 * input_required answer that asks the person, or throws the refusal that says how to confirm.
 */
export async function confirmCall(
  tool: AnyTool,
  args: unknown,
  credential: Pick<VerifiedCredential, "workspaceId" | "id" | "confirmation">,
  channel: ConfirmationChannel,
): Promise<InputRequiredResult | null> {
  const reason = confirmationReason(tool, args, credential.confirmation);
  if (!reason) return null;
  const binding = { workspaceId: credential.workspaceId, credentialId: credential.id, tool: tool.name, args };
  const fresh = () => mintConfirmation(binding);
  const spent = async (token: string) => !(await spendOnce(`confirm:${token}`, CONFIRMATION_TTL_SECONDS));
  const usedAlready = () =>
    refusal(
      `That confirmation was already used: each one confirms a single call. Once the person confirms again, re-call ${tool.name} with the same arguments.`,
      fresh(),
    );

  if (channel.requestState !== undefined && channel.inputResponses) {
    const answer = inputResponse(channel.inputResponses, ELICITATION_KEY);
    if (answer.kind === "elicit" && answer.action !== "accept")
      throw new AppError("confirmation_declined", `${tool.name} was not confirmed, so nothing changed.`);
    if (checkConfirmation(channel.requestState, binding) !== "ok")
      throw refusal(
        `The confirmation for ${tool.name} does not match this call or has expired. Ask again: re-call ${tool.name} with the same arguments.`,
        fresh(),
      );
    if (acceptedContent(channel.inputResponses, ELICITATION_KEY, ConfirmAnswerSchema)?.confirm === true) {
      if (await spent(channel.requestState)) throw usedAlready();
      return null;
    }
    throw new AppError("confirmation_declined", `${tool.name} was not confirmed, so nothing changed.`);
  }

  if (channel.token !== undefined) {
    const checked = checkConfirmation(channel.token, binding);
    if (checked === "ok") {
      if (await spent(channel.token)) throw usedAlready();
      return null;
    }
    throw refusal(
      checked === "expired"
        ? `The confirm token has expired. Once the person confirms again, re-call ${tool.name} with the same arguments and confirm set to the new confirm_token.`
        : `The confirm token was made for another call (a token confirms one tool with its exact arguments). Once the person confirms, re-call ${tool.name} with the same arguments and confirm set to the new confirm_token.`,
      fresh(),
    );
  }

  if (channel.canElicit)
    return inputRequired({
      inputRequests: {
        [ELICITATION_KEY]: inputRequired.elicit({
          message: `${reason} Confirm ${tool.name} with ${canonical(args)}?`,
          requestedSchema: {
            type: "object",
            properties: { confirm: { type: "boolean", title: "Confirm", description: reason } },
            required: ["confirm"],
          },
        }),
      },
      requestState: fresh(),
    });

  throw refusal(
    `${reason} Ask the person to confirm, then re-call ${tool.name} with the same arguments and confirm set to confirm_token (good for ${CONFIRMATION_TTL_SECONDS / 60} minutes).`,
    fresh(),
  );
}
