// Token revocation (RFC 7009).
import { authenticateClient } from "@/lib/oauth/clients/authenticate";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { parseOAuthForm, readOAuthForm } from "@/lib/oauth/form";
import { revokeOAuthToken } from "@/lib/oauth/revoke";
import { RevocationRequestSchema } from "@/lib/validations/oauth";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = withOAuthEndpoint({
  caller: "client",
  async POST(request) {
    const form = await readOAuthForm(request);
    const client = await authenticateClient(request, form);
    const { token } = parseOAuthForm(RevocationRequestSchema, form);
    await revokeOAuthToken(client, token);
    return new Response(null, { status: 200 });
  },
});
