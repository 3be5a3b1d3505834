import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss"],
  poweredByHeader: false,
  experimental: {
    // The composer sends a message's files with it: up to 25 MB together (lib/validations/attachments.ts).
    serverActions: { bodySizeLimit: "26mb" },
    // Server actions post to the page's path, which passes through proxy.ts; let the whole upload through.
    proxyClientMaxBodySize: "26mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/oauth/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
