// RFC 8414 authorization-server metadata.
import { authorizationServerMetadata, metadataPreflight, metadataResponse } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export const GET = () => metadataResponse(authorizationServerMetadata());
export const OPTIONS = () => metadataPreflight();
