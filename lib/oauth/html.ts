const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A plain error page for authorization requests that cannot be sent back to the client. */
export function oauthErrorPage(
  title: string,
  message: string,
  status = 400,
  headers: Record<string, string> = {},
): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Deskbridge</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;justify-content:center;padding:4rem 1rem">
<main style="max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:2rem">
<p style="color:#4338ca;font-weight:600;margin:0">Deskbridge</p><h1 style="font-size:1.25rem">${escape(title)}</h1><p>${escape(message)}</p>
</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      ...headers,
    },
  });
}
