import { listActiveSessions } from "@/db/queries/admin-sessions";
import { formatUtc } from "@/lib/format/utc";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { revokeSessionAction } from "./actions";

export const metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requireAdmin();
  const sessions = await listActiveSessions();
  return (
    <>
      <h1>Signed-in sessions</h1>
      <p>Each sign-in lasts at most 12 hours. Revoking a session signs that browser out at once.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Organiser</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>{session.email}</td>
              <td>{formatUtc(session.expires)}</td>
              <td>
                <AdminForm action={revokeSessionAction}>
                  <input type="hidden" name="id" value={session.id} />
                  <SubmitButton className="secondary">
                    Revoke<span className="visually-hidden"> the session of {session.email}</span>
                  </SubmitButton>
                </AdminForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
