// The delivery dossier at scale: fills a temporary database through scripts/generate.ts (in a child process,
// so its memory is not counted here), then generates the PDF and reports time, peak memory, size and how
// regularly progress arrived. Usage: npm run bench:dossier -- [confirmed rows, default 100000] [en|ru]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const confirmed = Number(process.argv[2] ?? 100_000);
const locale = process.argv[3] === "ru" ? "ru" : "en";
const SLUG = "moscow-trials";

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-dossier-"));
  const database = path.join(dir, "app.db");
  try {
    // 80 % confirmed, the rest pending or rejected: the dossier must leave those out.
    const count = Math.round(confirmed / 0.8);
    execFileSync(
      "npx",
      [
        "tsx",
        "--tsconfig",
        "tsconfig.scripts.json",
        "scripts/generate.ts",
        "--count",
        String(count),
        "--database",
        database,
        "--document",
        SLUG,
      ],
      { stdio: ["ignore", "inherit", "ignore"] },
    );
    process.env.DATABASE_PATH = database;
    const { closeDatabase } = await import("@/db");
    const { findDocumentBySlug } = await import("@/db/queries/documents");
    const { generateDossier } = await import("@/server/dossier/generate");
    const document = await findDocumentBySlug(SLUG);
    if (!document) throw new Error(`seed document ${SLUG} missing`);

    const file = path.join(dir, "dossier.pdf");
    const started = performance.now();
    let last = started;
    let longestGap = 0;
    let calls = 0;
    let peakHeap = 0;
    const result = await generateDossier({
      documentId: document.id,
      locale,
      file,
      generatedAt: new Date("2026-11-28T12:00:00Z"),
      onProgress: (done, total) => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        calls++;
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        if (calls % 250 === 0) process.stderr.write(`\r${done}/${total} rows`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    await closeDatabase();
    const mib = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MiB`;
    console.log(
      JSON.stringify(
        {
          locale,
          signatures: result.signatures,
          pages: result.pages,
          size: mib(result.bytes),
          sha256: result.sha256,
          seconds: Number(seconds.toFixed(1)),
          rowsPerSecond: Math.round(result.signatures / seconds),
          progressCalls: calls,
          longestProgressGapMs: Math.round(longestGap),
          peakRss: mib(process.resourceUsage().maxRSS * 1024),
          peakHeapSeenAtProgress: mib(peakHeap),
          missingGlyphs: result.missingGlyphs,
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
