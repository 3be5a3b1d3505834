import { z } from "zod";
import { parseIpRange } from "@/lib/rate-limit/ip-address";
import { withPeriod } from "@/lib/validations/analytics";
import { blankToUndefined, fromDigits, IdSchema } from "@/lib/validations/common";

/** The longest lifetime an owner may set for keys and tokens: five years, as a key's own expiry. */
export const MAX_LIFETIME_DAYS = 5 * 365;
export const MAX_ALLOW_LIST_ENTRIES = 50;

/** A form's list: an array, or one entry per line (commas also separate). */
function listOf(item: z.ZodType<string>, field: string) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(/[\n,]/)
            .map((entry) => entry.trim())
            .filter(Boolean)
        : value,
    z
      .array(item, { error: `${field} must be a list` })
      .max(MAX_ALLOW_LIST_ENTRIES, `${field} has at most ${MAX_ALLOW_LIST_ENTRIES} entries`),
  );
}

/** "on" from a checkbox, true/false from JSON; an unticked checkbox sends nothing, which is false. */
const Switch = (field: string) =>
  z.preprocess(
    (value) => (value === "on" || value === "true" ? true : value === undefined || value === "false" ? false : value),
    z.boolean({ error: `${field} must be true or false` }),
  );

const ClientUrl = z
  .string()
  .trim()
  .max(2000, "a metadata URL is at most 2,000 characters")
  .refine((value) => {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }, "each metadata URL must be an https:// URL");

const ClientName = z.string().trim().min(1).max(200, "a client name is at most 200 characters");

const RedirectDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: "each redirect domain must be a host name such as example.com",
  });

/** The owner's MCP governance (Settings → MCP governance). The whole form is saved at once. */
export const McpGovernanceSchema = z.object({
  mcp_enabled: Switch("mcp_enabled"),
  api_keys_enabled: Switch("api_keys_enabled"),
  personal_tokens_enabled: Switch("personal_tokens_enabled"),
  oauth_enabled: Switch("oauth_enabled"),
  max_lifetime_days: z.preprocess(
    blankToUndefined,
    fromDigits(
      z
        .number({ error: "max_lifetime_days must be a number of days" })
        .int("max_lifetime_days must be a whole number")
        .min(1, "max_lifetime_days must be at least 1")
        .max(MAX_LIFETIME_DAYS, `max_lifetime_days is at most ${MAX_LIFETIME_DAYS}`),
    )
      .nullable()
      .optional(),
  ),
  client_allow_list_enabled: Switch("client_allow_list_enabled"),
  allowed_client_urls: listOf(ClientUrl, "allowed_client_urls").default([]),
  allowed_client_names: listOf(ClientName, "allowed_client_names").default([]),
  allowed_redirect_domains: listOf(RedirectDomain, "allowed_redirect_domains").default([]),
});
export type McpGovernanceInput = z.input<typeof McpGovernanceSchema>;

/** An API key's IP allow-list: CIDR ranges or single addresses, IPv4 or IPv6; empty: any address. */
export const IpAllowListSchema = listOf(
  z
    .string()
    .trim()
    .refine((value) => parseIpRange(value) !== null, {
      error: (issue) => `${JSON.stringify(issue.input)} is not an IP address or CIDR range such as 203.0.113.0/24`,
    }),
  "ip_allow_list",
);

export const UpdateKeyIpAllowListSchema = z.object({ id: IdSchema, ip_allow_list: IpAllowListSchema });
export type UpdateKeyIpAllowListInput = z.input<typeof UpdateKeyIpAllowListSchema>;

/** An owner's answer to an access request. */
export const DecideAccessRequestSchema = z.object({
  id: IdSchema,
  decision: z.enum(["approve", "deny"], { error: "decision must be approve or deny" }),
});
export type DecideAccessRequestInput = z.input<typeof DecideAccessRequestSchema>;

/** Asking the owners for access from the consent page. */
export const RequestMcpAccessSchema = z.object({
  kind: z.enum(["client", "consent"], { error: "kind must be client or consent" }),
  client_id: z.string().trim().min(1, "client_id is required").max(2000, "client_id is too long"),
});
export type RequestMcpAccessInput = z.input<typeof RequestMcpAccessSchema>;

/** get_mcp_usage: calls, errors and p95 latency per client, per tool and per day over a period (30 days by default). */
export const McpUsageQuerySchema = withPeriod({});
export type McpUsageQuery = z.input<typeof McpUsageQuerySchema>;
