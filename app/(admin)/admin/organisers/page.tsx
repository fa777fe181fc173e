import { listOrganisers } from "@/db/queries/organisers";
import { formatUtc } from "@/lib/format/utc";
import { bootstrapOwnerAddresses } from "@/lib/security/admins";
import { organiserRoles } from "@/lib/vocabulary";
import { requireRole } from "@/server/auth/auth-guard";
import { AdminForm, SelectField, SubmitButton, TextField } from "@/app/_components/admin-form";
import { changeRoleAction, inviteOrganiserAction, removeOrganiserAction } from "./actions";

export const metadata = { title: "Organisers and invitations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const roleOptions = organiserRoles.toReversed().map((role) => ({ value: role, label: role }));
const notices: Record<string, string> = {
  invited: "Invitation sent. The address gets its role when it first signs in.",
  changed: "Role changed. It applies from that person's next click.",
  removed: "Removed. Their sessions have ended.",
};

export default async function OrganisersPage({ searchParams }: Props) {
  const admin = await requireRole("owner");
  const params = await searchParams;
  const notice = Object.keys(notices).find((key) => params[key] !== undefined);
  const [organisers, bootstrap] = [await listOrganisers(), bootstrapOwnerAddresses()];
  return (
    <>
      <h1>Organisers and invitations</h1>
      {notice ? (
        <p className="notice success" role="status">
          {notices[notice]}
        </p>
      ) : null}
      <dl className="details">
        <dt>Owner</dt>
        <dd>Everything, including this page.</dd>
        <dt>Organiser</dt>
        <dd>Documents, delegations, updates, dossiers, exports, settings and the review queue.</dd>
        <dt>Moderator</dt>
        <dd>
          The review queue and the signature list: approve, reject and restore. Sees names and countries, never email
          addresses; cannot export.
        </dd>
      </dl>

      <h2>Invite someone</h2>
      <AdminForm action={inviteOrganiserAction} className="card">
        <TextField name="email" label="Email address" required maxLength={254} />
        <SelectField name="role" label="Role" initial="moderator" options={roleOptions} />
        <SubmitButton>Send the invitation</SubmitButton>
      </AdminForm>

      <h2>Owners set on the server</h2>
      <p>
        These addresses are owners because the server&apos;s <code>ADMIN_EMAILS</code> names them. They cannot be
        demoted or removed here; change <code>ADMIN_EMAILS</code> and restart to do that.
      </p>
      <ul>
        {bootstrap.map((email) => (
          <li key={email}>
            {email}
            {email === admin.email ? " (you)" : ""}
          </li>
        ))}
      </ul>

      <h2>Invited organisers</h2>
      {organisers.length === 0 ? (
        <p className="hint">Nobody has been invited yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Invited organisers and their roles</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Role</th>
                <th scope="col">Invited</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {organisers.map((organiser) => (
                <tr key={organiser.email}>
                  <th scope="row">{organiser.email}</th>
                  <td>
                    <AdminForm action={changeRoleAction} className="inline">
                      <input type="hidden" name="email" value={organiser.email} />
                      <SelectField
                        name="role"
                        id={`role-${organiser.email}`}
                        label={`Role of ${organiser.email}`}
                        initial={organiser.role}
                        options={roleOptions}
                      />
                      <SubmitButton className="secondary">
                        Change<span className="visually-hidden"> the role of {organiser.email}</span>
                      </SubmitButton>
                    </AdminForm>
                  </td>
                  <td>
                    {formatUtc(organiser.createdAt)} by {organiser.invitedBy}
                  </td>
                  <td>{organiser.lastSignInAt ? formatUtc(organiser.lastSignInAt) : "not yet (invitation open)"}</td>
                  <td>
                    <AdminForm action={removeOrganiserAction}>
                      <input type="hidden" name="email" value={organiser.email} />
                      <SubmitButton className="danger">
                        Remove<span className="visually-hidden"> {organiser.email}</span>
                      </SubmitButton>
                    </AdminForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
