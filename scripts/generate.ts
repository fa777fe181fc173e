// Fills a database with synthetic signatures for benchmarks and demos, e.g.
//   tsx scripts/generate.ts --count 1000000 --database /tmp/bench/app.db
import { parseArgs } from "node:util";
import { z } from "zod";

const USAGE = `usage: tsx scripts/generate.ts --count N [options]
  --count        how many signatures to add (1 to 100,000,000)
  --database     SQLite file, created, migrated and seeded if new (default: DATABASE_PATH or ./data/app.db)
  --document     slug of the one document to sign (default: all, ~70% on petitions)
  --days         spread the signatures over the last N days (default 60)
  --seed         seed of the generator: the same seed gives the same people (default 1)
  --with-outbox  also issue a token and queue a confirmation email for every pending signature`;

const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().min(min).max(max));

const argsSchema = z.object({
  count: z.string({ error: "is required" }).pipe(wholeNumber(1, 100_000_000)),
  database: z
    .string()
    .min(1)
    .default(process.env.DATABASE_PATH || "./data/app.db"),
  document: z.string().min(1).optional(),
  days: wholeNumber(1, 36_500).default(60),
  seed: wholeNumber(0, 2 ** 32 - 1).default(1),
  "with-outbox": z.boolean().default(false),
});

function fail(message: string): never {
  console.error(`generate: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArguments(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        count: { type: "string" },
        database: { type: "string" },
        document: { type: "string" },
        days: { type: "string" },
        seed: { type: "string" },
        "with-outbox": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  return parsed.data;
}

/** One stderr line redrawn in place: bar, percentage, rows, rows/s and time left. */
function progressLine(total: number, started: number) {
  let drawn = 0;
  return (done: number) => {
    const now = performance.now();
    if (done < total && now - drawn < 100) return;
    drawn = now;
    const rate = done / Math.max((now - started) / 1000, 1e-3);
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const filled = Math.round((done / total) * 30);
    const bar = "#".repeat(filled) + "-".repeat(30 - filled);
    const percent = ((done / total) * 100).toFixed(1).padStart(5);
    const rows = `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows`;
    const speed = `${Math.round(rate).toLocaleString("en-US")} rows/s`;
    process.stderr.write(`\r[${bar}] ${percent}%  ${rows}  ${speed}  ETA ${eta} s  `);
  };
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if (args["with-outbox"] && process.env.RESEND_API_KEY) {
    fail("--with-outbox queues real emails to synthetic addresses (some at gmail.com): unset RESEND_API_KEY first");
  }
  // The generated auth secret lives beside the database that the configuration names.
  process.env.DATABASE_PATH = args.database;
  const { closeDatabase, ensureDatabase } = await import("@/db");
  const { default: Database } = await import("better-sqlite3");
  const { generateSignatures } = await import("@/db/generate-signatures");
  const { getAuthSecret } = await import("@/lib/security/auth-secret");

  await ensureDatabase(); // created, migrated and seeded if new
  await closeDatabase();
  const client = new Database(args.database);
  client.pragma("busy_timeout = 5000");
  const started = performance.now();
  let inserted: number;
  try {
    ({ inserted } = generateSignatures(client, {
      count: args.count,
      document: args.document,
      days: args.days,
      seed: args.seed,
      withOutbox: args["with-outbox"] ? { secret: getAuthSecret() } : undefined,
      onProgress: progressLine(args.count, started),
    }));
  } finally {
    client.close();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write("\n");
  console.log(
    `inserted ${inserted} signatures in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s (${Math.round(inserted / seconds)} rows/s)`,
  );
}

main().catch((error) => {
  if (error instanceof RangeError) fail(error.message); // an option the database refutes, e.g. an unknown slug
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
