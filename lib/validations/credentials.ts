import { z } from "zod";
import { ALL_SCOPES, type Scope } from "@/lib/auth/scopes";
import { TOOLSET_NAMES } from "@/lib/auth/toolsets";
import { DraftsOnlySchema } from "@/lib/validations/mcp-safety";
import { blankToUndefined, fromDigits, IdSchema } from "@/lib/validations/common";
import { IpAllowListSchema } from "@/lib/validations/governance";

export const MAX_PERSONAL_TOKENS = 10;
export const PERSONAL_TOKEN_LIFETIME_DAYS = 730;

const ScopeSchema = z.enum(ALL_SCOPES as [Scope, ...Scope[]], {
  error: (issue) => `unknown scope ${JSON.stringify(issue.input)}`,
});

/** Toolsets a key or a consent is limited to; empty or left out: every toolset. */
export const ToolsetLimitSchema = z
  .array(
    z.enum(TOOLSET_NAMES as [string, ...string[]], {
      error: (issue) => `unknown toolset ${JSON.stringify(issue.input)}: the toolsets are ${TOOLSET_NAMES.join(", ")}`,
    }),
  )
  .max(TOOLSET_NAMES.length);

const NameSchema = z.string().trim().min(1, "name is required").max(80, "name is at most 80 characters");

/** Workspace API key: Settings → API Access, the create_api_key tool and the CLI. */
export const CreateApiKeySchema = z.object({
  name: NameSchema,
  /**
   * The scopes chosen on the key. Left out: the calling credential's own scopes
   * (MCP), or both umbrellas (web app and CLI).
   */
  scopes: z.array(ScopeSchema).min(1, "choose at least one scope").max(40).optional(),
  /** Limits the key to these toolsets (tools/list shows, and the key may call, no other tool); left out: every toolset. */
  toolsets: ToolsetLimitSchema.optional(),
  /** Replies through the key are drafts an agent sends, even when the workspace's are not. */
  drafts_only: DraftsOnlySchema,
  /** Destructive MCP actions through the key ask for confirmation, whatever the workspace asks. */
  confirm_destructive: z.boolean({ error: "confirm_destructive must be true or false" }).optional(),
  /** The client addresses (CIDRs or single addresses) the key is accepted from; left out or empty: any. */
  ip_allow_list: z.preprocess(blankToUndefined, IpAllowListSchema.optional()),
  /** true: acts as the workspace (no user); false: acts as its creator with the creator's role. */
  org_level: z.boolean({ error: "org_level must be true or false" }).default(true),
  /** Hours until it expires; none means it does not expire. */
  expiry_hours: z.preprocess(
    blankToUndefined,
    fromDigits(
      z
        .number({ error: "expiry_hours must be a number of hours" })
        .int("expiry_hours must be a whole number")
        .min(1, "expiry_hours must be at least 1")
        .max(5 * 8760, "expiry_hours is at most five years"),
    ).optional(),
  ),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

export const CreatePersonalTokenSchema = z.object({
  name: z.preprocess(blankToUndefined, NameSchema.optional()),
});
export type CreatePersonalTokenInput = z.input<typeof CreatePersonalTokenSchema>;

export const RevokeCredentialSchema = z.object({ id: IdSchema });
export type RevokeCredentialInput = z.input<typeof RevokeCredentialSchema>;

/** A new name for an API key or personal token (Settings → API Access, Profile → MCP Integration). */
export const RenameCredentialSchema = z.object({ id: IdSchema, name: NameSchema });
export type RenameCredentialInput = z.input<typeof RenameCredentialSchema>;

/** How long the secret a rotation replaces stays accepted beside the new one. */
export const ROTATION_OVERLAPS = { none: 0, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export type RotationOverlap = keyof typeof ROTATION_OVERLAPS;
export const ROTATION_OVERLAP_LABELS: Record<RotationOverlap, string> = {
  none: "None: the old secret stops now",
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
};

/** A new secret for an API key or personal token; the old one stays valid for the overlap. */
export const RotateCredentialSchema = z.object({
  id: IdSchema,
  overlap: z
    .enum(Object.keys(ROTATION_OVERLAPS) as [RotationOverlap, ...RotationOverlap[]], {
      error: `overlap must be one of ${Object.keys(ROTATION_OVERLAPS).join(", ")}`,
    })
    .default("none"),
});
export type RotateCredentialInput = z.input<typeof RotateCredentialSchema>;

/** Ends a rotation's overlap at once: the replaced secret is refused from the next request. */
export const RevokePreviousSecretSchema = z.object({ id: IdSchema });
export type RevokePreviousSecretInput = z.input<typeof RevokePreviousSecretSchema>;
