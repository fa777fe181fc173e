// `npm run db:copy -- --from <sqlite file | postgres url> --to <postgres url | sqlite file>`: moves a campaign
// between databases (see docs/multiple-instances.md). Stop the app first: the copy is of a database at rest.
import { parseArgs } from "node:util";
import { copyDatabase } from "@/db/copy";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
if (!values.from || !values.to) {
  console.error("usage: npm run db:copy -- --from <sqlite file | postgres url> --to <postgres url | sqlite file>");
  process.exit(2);
}

const started = performance.now();
let shown = "";
copyDatabase(values.from, values.to, (table, done, total) => {
  const line = `${table}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`;
  if (line !== shown) process.stderr.write(`\r${(shown = line).padEnd(60)}`);
})
  .then(({ tables, counters }) => {
    process.stderr.write("\n");
    for (const { name, rows } of tables)
      console.log(`${name.padEnd(20)} ${rows.toLocaleString("en")} rows, same on both sides`);
    for (const { slug, kept } of counters) console.log(`${slug}: count ${kept.toLocaleString("en")} equals a recount`);
    console.log(`db:copy done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  })
  .catch((error) => {
    process.stderr.write("\n");
    console.error(`db:copy failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
