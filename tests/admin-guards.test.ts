import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// proxy.ts is only a first gate: every admin page, server action and route handler must check the
// session itself. This reads the source so that a file added later cannot forget it.
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const adminFiles = filesUnder(path.resolve("app/(admin)/admin"));
const adminApiFiles = filesUnder(path.resolve("app/api/admin"));

describe("admin authorisation in every entry point", () => {
  it("finds the admin pages, actions and routes", () => {
    expect(adminFiles.filter((file) => file.endsWith("page.tsx")).length).toBeGreaterThanOrEqual(8);
    expect(adminApiFiles.some((file) => file.endsWith("route.ts"))).toBe(true);
  });

  it.each(
    adminFiles.filter((file) => /page\.tsx$/.test(file)).map((file) => [path.relative(process.cwd(), file), file]),
  )("%s calls requireAdmin() or requireRole()", (_name, file) => {
    expect(readFileSync(file, "utf8")).toMatch(/await (requireAdmin\(\)|requireRole\("(moderator|organiser|owner)"\))/);
  });

  it.each(
    adminFiles
      .filter((file) => readFileSync(file, "utf8").startsWith('"use server"'))
      .map((file) => [path.relative(process.cwd(), file), file]),
  )("every server action in %s is made with adminAction() or roleAction()", (_name, file) => {
    const source = readFileSync(file, "utf8");
    // A file may wrap them once (a delegation's page names its delegation): a local function that returns one.
    const wrappers = [
      ...source.matchAll(/^function (\w+)(?:(?!\n\}\n)[^])*?\n\) \{\n  return (adminAction|roleAction)\(/gm),
    ].map((match) => match[1]);
    const makers = [
      "adminAction\\(",
      'roleAction\\("(moderator|organiser|owner)",',
      ...wrappers.map((name) => `${name}\\(`),
    ];
    const exported = source.match(/^export (?!type\b).*$/gm) ?? [];
    expect(exported.length).toBeGreaterThan(0);
    for (const line of exported) {
      expect(line).toMatch(new RegExp(`^export const \\w+ = (${makers.join("|")})`));
    }
  });

  it("roleAction() checks the role before it reads anything, and adminAction() means organiser", () => {
    const source = readFileSync(path.resolve("server/admin/action.ts"), "utf8");
    expect(source).toMatch(/return async \(previous, form\) => \{\n\s+const admin = await requireRole\(needed\);/);
    expect(source).toMatch(/return roleAction\("organiser", schema, handler\);/);
  });

  it.each(
    adminApiFiles.filter((file) => /route\.ts$/.test(file)).map((file) => [path.relative(process.cwd(), file), file]),
  )("%s answers anonymous requests with 401 before anything else", (_name, file) => {
    const source = readFileSync(file, "utf8");
    for (const handler of source.split(/^export async function (?:GET|POST|PUT|PATCH|DELETE)/m).slice(1)) {
      expect(handler.split("\n").slice(1, 3).join("\n")).toMatch(/await adminOrUnauthorized\(\)/);
    }
  });
});
