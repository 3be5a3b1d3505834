/** A person's picture, or their initials on a tint when they have none. */
export function Avatar({ name, url, size = 24 }: { name: string; url: string | null; size?: number }) {
  if (url) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a small picture from the app's own route
      <img
        src={url}
        alt=""
        width={size}
        height={size}
        className="inline-block shrink-0 rounded-full object-cover"
        style={{ width: size, height: size }}
        data-testid="avatar-image"
      />
    );
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.42) }}
      data-testid="avatar-initials"
    >
      {initials || "?"}
    </span>
  );
}
