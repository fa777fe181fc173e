import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  // The dev server logs request paths; confirmation links carry a token in theirs.
  logging: { incomingRequests: { ignore: [/\/confirm\//, /\/signature\//, /\/unsubscribe\//] } },
  experimental: {
    serverActions: { bodySizeLimit: "256kb" }, // with proxy.ts refusing larger bodies first,
  },
};

export default withNextIntl(nextConfig);
