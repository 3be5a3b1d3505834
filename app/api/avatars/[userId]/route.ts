// Serves a member's profile picture to signed-in people (the app bar, lists).
import { getCurrentUser } from "@/lib/auth/session";
import { readAvatar } from "@/lib/services/account/read-avatar";

export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  if (!(await getCurrentUser())) return new Response(null, { status: 401 });
  const { userId } = await params;
  const avatar = await readAvatar(userId);
  if (!avatar) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      "Content-Type": avatar.contentType,
      // The URL changes with the picture, so a browser may keep each one.
      "Cache-Control": "private, max-age=86400",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
