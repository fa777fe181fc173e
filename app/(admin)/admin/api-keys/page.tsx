import { listApiKeys } from "@/db/queries/api-keys";
import { formatUtc } from "@/lib/format/utc";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata = { title: "API keys" };

const scopeLabels = {
  "counts:read": "Read petitions and their counts (counts:read)",
  "signatures:read": "Read confirmed signatures: names, addresses, countries (signatures:read)",
  "signatures:write": "Record signatures, confirmed by the signer's email (signatures:write)",
  "signatures:write-confirmed":
    "Record signatures the partner has confirmed itself: counted at once, no email (signatures:write-confirmed)",
} as const;

type Props = { searchParams: Promise<{ revoked?: string }> };

export default async function ApiKeysPage({ searchParams }: Props) {
  await requireAdmin();
  const { revoked } = await searchParams;
  const keys = await listApiKeys();
  return (
    <>
      <h1>API keys</h1>
      <p>
        Partners’ programs use a key for the API at <code>/api/v1</code> (described at <code>/api/v1/openapi.json</code>
        ), sent as <code>Authorization: Bearer dlg_…</code>. Every read of signatures and every recorded signature is in
        the audit log.
      </p>
      {revoked ? (
        <p className="notice success" role="status">
          The key was revoked: it is refused from now on.
        </p>
      ) : null}
      <h2>New key</h2>
      <CreateKeyForm
        action={createApiKeyAction}
        scopes={Object.entries(scopeLabels).map(([value, label]) => ({ value, label }))}
      />
      <h2>Keys</h2>
      {keys.length === 0 ? (
        <p className="hint">No keys yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Per minute</th>
              <th scope="col">Made</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scopes.join(", ")}</td>
                <td>{key.requestsPerMinute}</td>
                <td>
                  {formatUtc(key.createdAt)} by {key.createdBy}
                </td>
                <td>{key.lastUsedAt ? formatUtc(key.lastUsedAt) : "never"}</td>
                <td>
                  {key.revokedAt ? (
                    `revoked ${formatUtc(key.revokedAt)}`
                  ) : (
                    <AdminForm action={revokeApiKeyAction}>
                      <input type="hidden" name="id" value={key.id} />
                      <SubmitButton className="secondary">
                        Revoke<span className="visually-hidden"> the key {key.name}</span>
                      </SubmitButton>
                    </AdminForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
