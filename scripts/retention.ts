// Applies the retention schedule once from the command line (the server also does it every hour).
import { applyRetentionEverywhere, describeRetention, retentionPolicy } from "@/server/jobs/retention";

const policy = retentionPolicy();
console.log(
  `retention: unconfirmed after ${policy.unconfirmedDays} days, closed documents after ${policy.closedDays} days, ` +
    `emails (and the local mailbox) after ${policy.sentEmailDays} days`,
);
applyRetentionEverywhere(policy)
  .then((result) => console.log(describeRetention(result)))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
