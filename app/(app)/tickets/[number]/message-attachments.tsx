import { formatBytes } from "@/lib/validations/attachments";

export type ShownAttachment = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** A signed download link (relative to the app). */
  href: string;
  image: boolean;
};

/** The files under one message: image previews, and a download link for every file. */
export function MessageAttachments({ items }: { items: ShownAttachment[] }) {
  if (!items.length) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-3" aria-label="Attachments" data-testid="attachments">
      {items.map((a) => (
        <li key={a.id} className="max-w-56 text-xs">
          {a.image ? (
            <a href={a.href} target="_blank" rel="noopener noreferrer" className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- signed, expiring link; not for the image optimiser */}
              <img
                src={a.href}
                alt={`Preview of ${a.filename}`}
                loading="lazy"
                className="max-h-40 min-h-12 min-w-12 rounded-md bg-white object-contain ring-1 ring-slate-200"
              />
            </a>
          ) : null}
          <a
            href={a.href}
            download={a.filename}
            className="mt-1 inline-flex max-w-full items-center gap-1 text-indigo-700 hover:underline"
          >
            <span className="truncate">{a.filename}</span>
            <span className="shrink-0 text-slate-500">({formatBytes(a.size)})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
