import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: migrations for db/schema-postgres (npm run db:generate:postgres).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-postgres/index.ts",
  out: "./db/migrations-postgres",
});
