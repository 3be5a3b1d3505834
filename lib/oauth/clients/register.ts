import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { prisma } from "@/lib/db";
import { hashToken } from "@/lib/credentials/token-format";
import { clientExpiryFrom, forgetExpiredClients } from "@/lib/oauth/clients/record";
import { OAuthError } from "@/lib/oauth/errors";
import { checkApplicationType, redirectUriProblem } from "@/lib/oauth/redirect-uri";
import { GRANT_TYPES } from "@/lib/validations/oauth";

export const MAX_REGISTRATION_BYTES = 16 * 1024;

/** A registration request's body: JSON client metadata (RFC 7591 §3.1), bounded in size. */
export async function readClientMetadata(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.includes("application/json")) {
    throw new OAuthError("invalid_client_metadata", "Send the client metadata as application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_REGISTRATION_BYTES) {
    throw new OAuthError(
      "invalid_client_metadata",
      `The registration is larger than ${MAX_REGISTRATION_BYTES} bytes.`,
      413,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client_metadata", "The body is not valid JSON.");
  }
}

/** Dynamic Client Registration (RFC 7591), idempotent for identical public-client metadata. */
export async function registerClient(body: unknown) {
  const parsed = OAuthClientMetadataSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OAuthError(
      issue?.path[0] === "redirect_uris" ? "invalid_redirect_uri" : "invalid_client_metadata",
      `${issue?.path.join(".") || "metadata"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const meta = parsed.data;
  if (meta.redirect_uris.length === 0)
    throw new OAuthError("invalid_redirect_uri", "Register at least one redirect URI.");
  if (meta.redirect_uris.length > 20) throw new OAuthError("invalid_redirect_uri", "At most 20 redirect URIs.");
  for (const uri of meta.redirect_uris) {
    const problem = redirectUriProblem(String(uri));
    if (problem) throw new OAuthError("invalid_redirect_uri", problem);
  }
  const applicationType = readApplicationType(body, meta.redirect_uris.map(String));
  const grantTypes = meta.grant_types ?? [...GRANT_TYPES];
  if (grantTypes.some((g) => !(GRANT_TYPES as string[]).includes(g))) {
    throw new OAuthError("invalid_client_metadata", `grant_types may only be ${GRANT_TYPES.join(" and ")}.`);
  }
  if (meta.response_types && meta.response_types.some((r) => r !== "code")) {
    throw new OAuthError("invalid_client_metadata", 'response_types may only be "code".');
  }
  const authMethod = meta.token_endpoint_auth_method ?? "none";
  if (!["none", "client_secret_basic", "client_secret_post"].includes(authMethod)) {
    throw new OAuthError("invalid_client_metadata", `token_endpoint_auth_method ${authMethod} is not supported.`);
  }
  const name =
    (meta.client_name ?? "").trim().slice(0, 100) || new URL(String(meta.redirect_uris[0])).host || "MCP client";
  const normalized = {
    redirect_uris: meta.redirect_uris.map(String),
    application_type: applicationType,
    client_name: name,
    client_uri: meta.client_uri ?? null,
    logo_uri: meta.logo_uri ?? null,
    grant_types: grantTypes,
    token_endpoint_auth_method: authMethod,
    scope: meta.scope ?? null,
  };
  const metadataHash = createHash("sha256").update(JSON.stringify(normalized)).digest("hex");
  const now = new Date();

  if (authMethod === "none") {
    const existing = await prisma.oAuthClient.findFirst({
      where: { metadataHash, registrationType: "dcr", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, clientId: true, createdAt: true, expiresAt: true },
    });
    if (existing) {
      // Registering again is about to use the registration: its unused life starts again.
      if (existing.expiresAt)
        await prisma.oAuthClient.update({ where: { id: existing.id }, data: { expiresAt: clientExpiryFrom(now) } });
      return {
        ...withoutNulls(normalized),
        client_id: existing.clientId,
        client_id_issued_at: Math.floor(existing.createdAt.getTime() / 1000),
      };
    }
  }
  await forgetExpiredClients(now);
  const clientId = `dbcl_${randomBytes(16).toString("base64url")}`;
  const secret = authMethod === "none" ? null : randomBytes(32).toString("base64url");
  const created = await prisma.oAuthClient.create({
    data: {
      clientId,
      clientSecretHash: secret ? hashToken(secret) : null,
      registrationType: "dcr",
      name,
      logoUri: normalized.logo_uri,
      clientUri: normalized.client_uri,
      redirectUris: normalized.redirect_uris,
      grantTypes,
      tokenEndpointAuthMethod: authMethod,
      metadataHash,
      metadata: normalized,
      expiresAt: clientExpiryFrom(now),
    },
    select: { createdAt: true },
  });
  return {
    ...withoutNulls(normalized),
    client_id: clientId,
    client_id_issued_at: Math.floor(created.createdAt.getTime() / 1000),
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
  };
}

/**
 * application_type (OpenID Connect Dynamic Registration §2; MCP 2026-07-28 asks clients to send it),
 * checked against the redirect URIs. The SDK's metadata schema drops fields it does not know, so it
 * is read from the body as sent.
 */
function readApplicationType(body: unknown, redirectUris: string[]) {
  const check = checkApplicationType((body as { application_type?: unknown }).application_type, redirectUris);
  if (check.ok) return check.type;
  throw new OAuthError(
    check.field === "redirect_uris" ? "invalid_redirect_uri" : "invalid_client_metadata",
    check.message,
  );
}

/** RFC 7591 responses omit absent fields rather than sending nulls (clients validate strictly). */
function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
