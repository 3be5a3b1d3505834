import { z } from "zod";

// The token and revocation endpoints' form parameters (RFC 6749 §4.1.3 and §6,
// RFC 7009 §2.1). Every value arrives as a string; parameters a request does
// not name here (client_id, client_secret, token_type_hint) are ignored. Each
// message names its parameter: it becomes the error_description of an
// invalid_request answer.

/** A parameter that must be present and not empty. */
const required = (message: string) => z.string({ error: message }).min(1, { error: message });

export const AuthorizationCodeGrantSchema = z.object({
  grant_type: z.literal("authorization_code"),
  code: required("code is required."),
  code_verifier: required("code_verifier is required (PKCE)."),
  /** Checked against the authorization request, so a missing one is invalid_grant, not invalid_request. */
  redirect_uri: z.string().optional(),
  resource: z.string().optional(),
});
export type AuthorizationCodeGrantInput = z.infer<typeof AuthorizationCodeGrantSchema>;

export const RefreshTokenGrantSchema = z.object({
  grant_type: z.literal("refresh_token"),
  refresh_token: required("refresh_token is required."),
  scope: z.string().optional(),
});
export type RefreshTokenGrantInput = z.infer<typeof RefreshTokenGrantSchema>;

const GRANT_SCHEMAS = [AuthorizationCodeGrantSchema, RefreshTokenGrantSchema] as const;

/** The grant types the token endpoint serves, in the order metadata and errors list them. */
export const GRANT_TYPES = GRANT_SCHEMAS.map((schema) => schema.shape.grant_type.value);
export type GrantType = (typeof GRANT_TYPES)[number];

/** A token request, told apart by grant_type; any other grant_type is refused on that field. */
export const TokenRequestSchema = z.discriminatedUnion("grant_type", GRANT_SCHEMAS, {
  error: `grant_type must be ${GRANT_TYPES.join(" or ")}.`,
});
export type TokenRequestInput = z.infer<typeof TokenRequestSchema>;

export const RevocationRequestSchema = z.object({ token: required("token is required.") });
export type RevocationRequestInput = z.infer<typeof RevocationRequestSchema>;
