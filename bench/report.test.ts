import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_TABLE_FILE, table, updateBenchTable } from "./report";

// A full bench run takes minutes; these check on a copy of the real page that its table lands in place.
describe("the bench's table in the performance page", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-bench-report-"));

  it("replaces only what lies between the markers", () => {
    const copy = path.join(dir, "performance.md");
    copyFileSync(BENCH_TABLE_FILE, copy);
    const before = readFileSync(copy, "utf8");
    const sample = `Measured on a sample.\n\n${table([{ what: "a sample", measured: "1/s", target: "≥ 1/s", floor: "—", ok: true }])}`;

    updateBenchTable(sample, copy);

    const after = readFileSync(copy, "utf8");
    expect(after).toContain(`<!-- bench:start -->\n${sample}\n<!-- bench:end -->`);
    expect(after.slice(0, after.indexOf("<!-- bench:start -->"))).toBe(
      before.slice(0, before.indexOf("<!-- bench:start -->")),
    );
    expect(after.slice(after.indexOf("<!-- bench:end -->"))).toBe(before.slice(before.indexOf("<!-- bench:end -->")));
  });

  it("keeps the JavaScript table's block apart from the main table's", () => {
    const copy = path.join(dir, "performance-js.md");
    copyFileSync(BENCH_TABLE_FILE, copy);
    updateBenchTable("| main |", copy);
    updateBenchTable("| javascript |", copy, "bench-js");

    const after = readFileSync(copy, "utf8");
    expect(after).toContain("<!-- bench:start -->\n| main |\n<!-- bench:end -->");
    expect(after).toContain("<!-- bench-js:start -->\n| javascript |\n<!-- bench-js:end -->");
  });

  it("refuses a page without its markers rather than keep a stale table quietly", () => {
    const page = path.join(dir, "no-markers.md");
    writeFileSync(page, "# Performance\n\nNo table here.\n");
    expect(() => updateBenchTable("| a |", page)).toThrow(/bench:start/);
    expect(readFileSync(page, "utf8")).toBe("# Performance\n\nNo table here.\n");
  });
});
