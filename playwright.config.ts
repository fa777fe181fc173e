import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA = path.resolve(".e2e-data");
export const baseURL = `http://localhost:${PORT}`;
export const MIN_FILL_MS = 400;

/** The e2e servers' pace and limits (the shared server's, and any spec's own that signs like it). */
export const E2E_LIMITS = {
  // The signing form's minimum fill time, shortened so the suite stays quick; tests wait past it.
  MIN_FILL_MS: String(MIN_FILL_MS),
  // Every test signs from 127.0.0.1: the limits stay on but high; the rate-limit test lowers them.
  RATE_LIMIT_BURST: "1000/60",
  RATE_LIMIT_SUSTAINED: "5000/300",
  // Likewise the email budgets and sign-in throttle: e2e/security/ tests them on servers of their own.
  SIGNER_EMAILS_PER_CLIENT_HOUR: "100000",
  SIGNER_EMAILS_PER_ADDRESS_DAY: "1000",
  SIGN_IN_LINKS_PER_ADDRESS_HOUR: "1000",
  SIGN_IN_LINKS_PER_CLIENT_HOUR: "1000",
  // Closing dates and milestones are checked every second, so a test waits seconds for a close, not minutes.
  CAMPAIGN_JOBS_EVERY_MS: "1000",
};

// Debian's Chromium where it is installed (Playwright cannot download its own here); Playwright's elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // the specs share one server and assert exact counts
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? "list" : [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production build, on a fresh database and mailbox every run; its log is kept for the log test.
    command:
      `node -e "const fs=require('fs');fs.rmSync('${E2E_DATA}',{recursive:true,force:true});fs.mkdirSync('${E2E_DATA}')"` +
      ` && npx next start -p ${PORT} 2>&1 | tee ${path.join(E2E_DATA, "server.log")}`,
    url: `${baseURL}/api/petitions/moscow-trials`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_PATH: path.join(E2E_DATA, "app.db"),
      MAIL_DIR: path.join(E2E_DATA, "mail"),
      APP_URL: baseURL,
      RESEND_API_KEY: "",
      ...E2E_LIMITS,
      // The partners spec's webhook receiver listens on this machine, which production refuses by default.
      WEBHOOK_PRIVATE_TARGETS: "allow",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
