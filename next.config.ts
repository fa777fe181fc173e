import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  // The dev server logs request paths; confirmation links carry a token in theirs.
  logging: { incomingRequests: { ignore: [/\/confirm\//] } },
  experimental: {
    serverActions: { bodySizeLimit: "256kb" }, // with proxy.ts refusing larger bodies first,
  },
};

export default nextConfig;
