import path from "node:path";
import { defineConfig } from "vitest/config";

// The data layer's tests run twice: on SQLite (the embedded default) and on PostgreSQL (DATABASE_URL),
// each test file on a database of its own (tests/unit-setup.ts).
const onBothDatabases = [
  "db/queries/*.test.ts",
  "server/jobs/*.test.ts",
  "server/partner-api/partner-api.test.ts",
  "server/webhooks/*.test.ts",
];
// Tests of SQLite's own machinery: its query plans, online backup and bulk generator.
const sqliteOnly = ["db/queries/query-plans.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "scripts/server-only-outside-next.ts"),
    },
  },
  esbuild: { jsx: "automatic" },
  test: {
    environment: "node",
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    setupFiles: ["tests/unit-setup.ts"],
    projects: [
      { extends: true, test: { name: "sqlite", include: ["**/*.test.ts", "**/*.test.tsx"] } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: onBothDatabases,
          exclude: ["node_modules/**", ".next/**", "e2e/**", ...sqliteOnly],
          env: { TEST_DATABASE: "postgres" },
        },
      },
    ],
  },
});
