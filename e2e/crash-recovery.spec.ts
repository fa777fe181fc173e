import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

// The crash test needs the production build, which `npm test` makes just before Playwright runs; it starts
// and kills its own server on its own files, so the suite's shared server is not touched.
test("a server killed mid-load loses no accepted signature, keeps exact counts and sends every email once", async () => {
  test.setTimeout(120_000);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/crash-test.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
  });
  let output = "";
  const show = (chunk: Buffer) => {
    output += chunk;
    process.stdout.write(chunk); // as it goes: a run that hangs still shows how far it got
  };
  child.stdout.on("data", show);
  child.stderr.on("data", show);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve)); // it stops itself within 100 s
  expect(code, output).toBe(0);
  expect(output).toMatch(/crash test passed/);
});
