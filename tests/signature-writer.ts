// Stands in for a busy server in the backup test: signs and confirms through the app's own queries, one
// transaction after another, until it is killed. Prints how many it has written every 100.
import { randomBytes } from "node:crypto";
import { getLocalizedDocument } from "@/db/queries/documents";
import { confirmSignature } from "@/db/queries/confirming";
import { recordSignature } from "@/db/queries/signatures";
import { emailKey } from "@/lib/format/email-key";
import { hashToken } from "@/lib/security/tokens";

async function main() {
  const document = (await getLocalizedDocument("petition", "moscow-trials", "en"))!;
  for (let written = 0; ; written++) {
    const email = `writer-${written}@example.org`;
    const token = {
      hash: hashToken(`writer-${written}`),
      nonce: randomBytes(8).toString("hex"),
      expiresAt: new Date(Date.now() + 3600_000),
    };
    await recordSignature(
      document,
      {
        name: "Steady Writer",
        email,
        emailKey: emailKey(email),
        country: "FR",
        city: null,
        comment: null,
        organisation: null,
        role: null,
        display: "full",
        updates: false,
        locale: "en",
        ipHash: null,
        flagged: null,
      },
      token,
    );
    if (written % 2 === 0) await confirmSignature(token.hash);
    if (written % 100 === 0) {
      process.stdout.write(`${written}\n`);
      await new Promise((resolve) => setImmediate(resolve)); // lets the kill signal in
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
