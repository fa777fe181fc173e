// Drains the outbox once from the command line (for operators, or when no server is running).
import { drainOutbox } from "@/server/jobs/outbox-worker";

drainOutbox()
  .then((count) => console.log(`outbox: handled ${count} message(s)`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
