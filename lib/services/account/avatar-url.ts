/** Where a profile picture is served; the key's tail in the query makes a new picture a new URL for caches. */
export function avatarUrl(userId: string, avatarKey: string | null): string | null {
  return avatarKey ? `/api/avatars/${userId}?v=${avatarKey.slice(-8)}` : null;
}
