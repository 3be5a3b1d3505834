/** A duration in seconds as people read it: 45s, 12m, 3h 5m, 2d 4h; a dash when there is none. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return "—";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}

/** A share from 0 to 1 as a whole percentage; a dash when nothing was measured. */
export function formatShare(share: number | null | undefined): string {
  return share == null ? "—" : `${Math.round(share * 100)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}
