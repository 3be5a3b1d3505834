// RFC 9728 protected-resource metadata at the root well-known URL (clients that ignore the path).
import { metadataPreflight, metadataResponse, protectedResourceMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export const GET = () => metadataResponse(protectedResourceMetadata());
export const OPTIONS = () => metadataPreflight();
