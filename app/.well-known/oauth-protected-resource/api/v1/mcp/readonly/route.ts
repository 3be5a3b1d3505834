// RFC 9728 protected-resource metadata for the read-only MCP path: the same resource as /api/v1/mcp,
// so one token serves both.
import { metadataPreflight, metadataResponse, protectedResourceMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export const GET = () => metadataResponse(protectedResourceMetadata());
export const OPTIONS = () => metadataPreflight();
