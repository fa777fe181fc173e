// `npm run backup -- <file>`: an online backup of the database at DATABASE_PATH, safe while the server runs.
import { backupDatabase } from "@/db/backup";
import { getConfig } from "@/lib/config";

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error("usage: npm run backup -- <destination-file>   (reads DATABASE_PATH, default ./data/app.db)");
  process.exit(2);
}
const [destination] = args;
const source = getConfig().DATABASE_PATH;

backupDatabase(source, destination)
  .then(({ pages, bytes, ms }) =>
    console.log(
      `backup: ${source} → ${destination}: ${pages} pages, ${(bytes / 2 ** 20).toFixed(1)} MB, integrity ok, ${ms} ms`,
    ),
  )
  .catch((error) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
