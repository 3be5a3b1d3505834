import Markdown, { defaultUrlTransform } from "react-markdown";

/**
 * An article body as Markdown, rendered safely: raw HTML in the source is dropped
 * (skipHtml), and every link or image address keeps only http(s), mailto and relative
 * URLs (react-markdown's defaultUrlTransform empties javascript: and data: ones).
 * Usable on the server (help center) and in the client editor's preview alike.
 */
export function ArticleMarkdown({ source }: { source: string }) {
  return (
    <div className="article-body space-y-3 break-words text-slate-800" data-testid="article-body">
      <Markdown
        skipHtml
        urlTransform={defaultUrlTransform}
        components={{
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer" className="text-indigo-700 underline">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          h1: ({ children }) => <h2 className="text-xl font-semibold">{children}</h2>,
          h2: ({ children }) => <h3 className="text-lg font-semibold">{children}</h3>,
          h3: ({ children }) => <h4 className="font-semibold">{children}</h4>,
          ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
          ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
          code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm">{children}</code>,
          pre: ({ children }) => <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm">{children}</pre>,
          blockquote: ({ children }) => (
            <blockquote className="border-l-4 border-slate-200 pl-3 text-slate-600">{children}</blockquote>
          ),
          img: ({ src, alt }) =>
            // eslint-disable-next-line @next/next/no-img-element -- article images are arbitrary outside URLs
            typeof src === "string" && src ? <img src={src} alt={alt ?? ""} className="max-w-full" /> : null,
        }}
      >
        {source}
      </Markdown>
    </div>
  );
}
