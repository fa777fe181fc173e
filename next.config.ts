import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import {
  currentDeployment,
  securityHeaders,
  TOKEN_IN_URL_PATHS,
  TOKEN_PAGE_REFERRER_POLICY,
} from "@/lib/security/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  // The dev server logs request paths: confirmation, private and sign-in links carry a token in theirs.
  logging: { incomingRequests: { ignore: [/\/confirm\//, /\/signature\//, /\/unsubscribe\//, /\/api\/auth\//] } },
  experimental: {
    serverActions: { bodySizeLimit: "256kb" }, // with proxy.ts refusing larger bodies first,
  },
  // Every response, static files and errors included; `next build` fixes these (HSTS follows the
  // APP_URL of the build here, and of the running server on pages, where proxy.ts sets it again).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(currentDeployment()) },
      ...TOKEN_IN_URL_PATHS.map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: TOKEN_PAGE_REFERRER_POLICY }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
