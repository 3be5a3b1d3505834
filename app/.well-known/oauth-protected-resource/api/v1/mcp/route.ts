// RFC 9728 protected-resource metadata at the path-aware well-known URL of the MCP endpoint.
import { metadataPreflight, metadataResponse, protectedResourceMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export const GET = () => metadataResponse(protectedResourceMetadata());
export const OPTIONS = () => metadataPreflight();
