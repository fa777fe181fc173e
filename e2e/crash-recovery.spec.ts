import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

// The crash test needs the production build, which `npm test` makes just before Playwright runs; it starts
// and kills its own server on its own files, so the suite's shared server is not touched.
test("a server killed mid-load loses no accepted signature, keeps exact counts and sends every email once", async () => {
  test.setTimeout(120_000);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/crash-test.ts"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  console.log(output.trimEnd());
  expect(code, output).toBe(0);
  expect(output).toMatch(/crash test passed/);
});
