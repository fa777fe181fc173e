import type { LocalizedDocument } from "@/db/queries/documents";
import { countEmailBudgetHolds } from "@/db/queries/email-holds";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { releaseHeldEmailsAction } from "./actions";

const format = (value: number) => value.toLocaleString("en");

/** Signatures held, unemailed, for their client's email budget, and the organiser's release of them. */
export async function EmailHoldsSection({ documents }: { documents: LocalizedDocument[] }) {
  const emailHolds = await countEmailBudgetHolds();
  const waitingTotal = [...emailHolds.values()].reduce((sum, { waiting }) => sum + waiting, 0);
  const lastWaitingId = Math.max(0, ...[...emailHolds.values()].map(({ lastId }) => lastId));
  return (
    <>
      <h2>Held without email</h2>
      <p>
        Signatures from a client address that had already caused its share of signing emails this hour (the limit is{" "}
        <code>SIGNER_EMAILS_PER_CLIENT_HOUR</code>). No email went out; releasing them sends each its confirmation
        email, and they count once their signers confirm.
      </p>
      {waitingTotal === 0 ? (
        <p className="hint">No signature is waiting for its email.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Signatures held without email, by document</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Waiting</th>
                <th scope="col">Release</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => {
                const holds = emailHolds.get(document.id);
                return holds ? (
                  <tr key={document.id}>
                    <th scope="row">{document.title}</th>
                    <td>{format(holds.waiting)}</td>
                    <td>
                      <AdminForm action={releaseHeldEmailsAction}>
                        <input type="hidden" name="documentId" value={document.id} />
                        <input type="hidden" name="upToId" value={holds.lastId} />
                        <SubmitButton className="secondary">
                          Release {format(holds.waiting)} and send their emails
                          <span className="visually-hidden"> on {document.title}</span>
                        </SubmitButton>
                      </AdminForm>
                    </td>
                  </tr>
                ) : null;
              })}
            </tbody>
          </table>
          <AdminForm action={releaseHeldEmailsAction}>
            <input type="hidden" name="upToId" value={lastWaitingId} />
            <SubmitButton className="secondary">
              Release all {format(waitingTotal)} and send their emails, on every document
            </SubmitButton>
          </AdminForm>
        </div>
      )}
    </>
  );
}
