import { describe, expect, it } from "vitest";
import { GRANT_TYPES, RevocationRequestSchema, TokenRequestSchema } from "@/lib/validations/oauth";

const firstIssue = (input: unknown) => {
  const issue = TokenRequestSchema.safeParse(input).error?.issues[0];
  return issue && { field: issue.path.join("."), message: issue.message };
};

describe("token request schema", () => {
  it("tells the grants apart by grant_type and keeps only their own parameters", () => {
    expect(
      TokenRequestSchema.parse({
        grant_type: "authorization_code",
        client_id: "dbcl_x",
        code: "dbc_x",
        code_verifier: "v",
        redirect_uri: "http://127.0.0.1/cb",
      }),
    ).toEqual({
      grant_type: "authorization_code",
      code: "dbc_x",
      code_verifier: "v",
      redirect_uri: "http://127.0.0.1/cb",
    });
    expect(TokenRequestSchema.parse({ grant_type: "refresh_token", refresh_token: "dbr_x" })).toEqual({
      grant_type: "refresh_token",
      refresh_token: "dbr_x",
    });
  });

  it("refuses a missing or unknown grant_type on that field, listing the grant types", () => {
    expect(GRANT_TYPES).toEqual(["authorization_code", "refresh_token"]);
    for (const input of [{}, { grant_type: "password" }, { grant_type: "" }]) {
      expect(firstIssue(input)).toEqual({
        field: "grant_type",
        message: "grant_type must be authorization_code or refresh_token.",
      });
    }
  });

  it("names the first missing or empty parameter", () => {
    expect(firstIssue({ grant_type: "authorization_code" })).toEqual({ field: "code", message: "code is required." });
    expect(firstIssue({ grant_type: "authorization_code", code: "dbc_x", code_verifier: "" })).toEqual({
      field: "code_verifier",
      message: "code_verifier is required (PKCE).",
    });
    expect(firstIssue({ grant_type: "refresh_token" })).toEqual({
      field: "refresh_token",
      message: "refresh_token is required.",
    });
    expect(RevocationRequestSchema.safeParse({ token_type_hint: "refresh_token" }).error?.issues[0]?.message).toBe(
      "token is required.",
    );
  });
});
