import { z } from "zod";
import { DESTRUCTIVE, defineTool, READ, WRITE } from "@/lib/mcp/tool";
import { CredentialShape } from "@/lib/mcp/tools/shapes";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { CreateApiKeySchema } from "@/lib/validations/credentials";
import { IdSchema } from "@/lib/validations/common";

export const CREDENTIAL_TOOLS = [
  defineTool({
    name: "create_api_key",
    title: "Create API key",
    description:
      "Create a workspace API key. org_level true (default) acts as the workspace; false acts as you with your role. The key can carry only scopes this connection has (default: all of them), and only toolsets it has when it is limited to some (toolsets limits the key: it lists and calls only those toolsets' tools) and confirms destructive actions when this connection does (confirm_destructive asks it anyway), and expires no later than this connection (expiry_hours may shorten it); revoking this connection revokes the key. ip_allow_list limits where the key is accepted from (addresses or CIDR ranges); the workspace's owners may cap how long keys live. The secret is in the result once and cannot be read again: store it in a secrets manager. Admins only.",
    input: CreateApiKeySchema,
    output: z.object({
      id: z.string(),
      name: z.string(),
      secret: z.string(),
      masked: z.string(),
      org_level: z.boolean(),
      scopes: z.array(z.string()),
      toolsets: z.array(z.string()).nullable(),
      confirm_destructive: z.boolean(),
      ip_allow_list: z.array(z.string()).nullable(),
      created_at: z.string(),
      expires_at: z.string().nullable(),
    }),
    scopes: ["api-keys:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createApiKey(ctx, input),
  }),
  defineTool({
    name: "list_api_keys",
    title: "List API keys",
    description:
      "The workspace's API keys: masked id, name, scopes, binding, creator, last use and expiry (never secrets). Admins only.",
    input: z.object({ include_revoked: z.boolean().default(false) }),
    output: z.object({ items: z.array(CredentialShape) }),
    scopes: ["api-keys:read"],
    role: "admin",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => ({
      items: await listCredentials(ctx, { kind: "workspace_key", includeRevoked: input.include_revoked }),
    }),
  }),
  defineTool({
    name: "revoke_api_key",
    title: "Revoke API key",
    description:
      "Revoke a workspace API key by id (from list_api_keys), and every key created with it. Clients using it are refused from their next request. Personal tokens are not API keys and are not revoked here. An owner's user-level key needs an owner. Admins only.",
    input: z.object({ id: IdSchema }),
    output: z.object({ id: z.string(), name: z.string(), revoked: z.boolean() }),
    scopes: ["api-keys:write"],
    role: "admin",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => revokeCredential(ctx, input, { kind: "workspace_key" }),
  }),
];
