// The same authorization-server fields for clients that look here first.
import { authorizationServerMetadata, metadataPreflight, metadataResponse } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export const GET = () => metadataResponse(authorizationServerMetadata());
export const OPTIONS = () => metadataPreflight();
