import { AdminForm, FormDetails, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import type { listMembers, MemberMove } from "@/db/queries/delegation-members";
import { addMemberAction, editMemberAction, moveMemberAction, removeMemberAction } from "../actions";

type Member = Awaited<ReturnType<typeof listMembers>>[number];
type Props = { slug: string; members: Awaited<ReturnType<typeof listMembers>> };

/** The members in their public order, each movable and removable, and the form that adds one. */
export function MembersSection({ slug, members }: Props) {
  const ofThis = <input type="hidden" name="delegation" value={slug} />;
  return (
    <section aria-labelledby="members-heading" className="card">
      <h2 id="members-heading">Members</h2>
      <p className="hint">The public page lists the members in this order.</p>
      <ol className="member-order">
        {members.map((member, index) => (
          <li key={member.id}>
            <span>
              <strong>{member.name}</strong>, {member.texts.en.role}
              {member.texts.ru ? " (also in Russian)" : ""}
            </span>
            <span className="actions">
              {index > 0 ? <MoveForm slug={slug} member={member} move="up" /> : null}
              {index < members.length - 1 ? <MoveForm slug={slug} member={member} move="down" /> : null}
              <AdminForm action={removeMemberAction}>
                {ofThis}
                <input type="hidden" name="id" value={member.id} />
                <SubmitButton className="secondary">
                  Remove<span className="visually-hidden"> {member.name}</span>
                </SubmitButton>
              </AdminForm>
            </span>
            <AdminForm action={editMemberAction} className="form">
              {ofThis}
              <input type="hidden" name="id" value={member.id} />
              <FormDetails
                summary={
                  <>
                    Edit<span className="visually-hidden"> {member.name}</span>
                  </>
                }
              >
                <MemberFields idPrefix={`member-${member.id}-`} initial={member} />
                <div className="actions">
                  <SubmitButton>Save the member</SubmitButton>
                </div>
              </FormDetails>
            </AdminForm>
          </li>
        ))}
      </ol>
      <h3>Add a member</h3>
      <AdminForm action={addMemberAction} className="form">
        {ofThis}
        <MemberFields idPrefix="member-" />
        <div className="actions">
          <SubmitButton>Add the member</SubmitButton>
        </div>
      </AdminForm>
    </section>
  );
}

/** One of a member's "Move up" / "Move down" buttons. */
function MoveForm({ slug, member, move }: { slug: string; member: Member; move: MemberMove }) {
  return (
    <AdminForm action={moveMemberAction}>
      <input type="hidden" name="delegation" value={slug} />
      <input type="hidden" name="id" value={member.id} />
      <input type="hidden" name="move" value={move} />
      <SubmitButton className="secondary">
        Move {move}
        <span className="visually-hidden"> {member.name}</span>
      </SubmitButton>
    </AdminForm>
  );
}

/** A member's fields, empty for a new one or filled from an existing one. */
function MemberFields({ idPrefix, initial }: { idPrefix: string; initial?: Member }) {
  return (
    <>
      <TextField id={`${idPrefix}name`} name="name" label="Name" required maxLength={120} initial={initial?.name} />
      <TextField
        id={`${idPrefix}role`}
        name="role"
        label="Role"
        required
        maxLength={200}
        initial={initial?.texts.en.role}
      />
      <TextArea
        id={`${idPrefix}bio`}
        name="bio"
        label="Short biography (Markdown)"
        rows={3}
        required
        initial={initial?.texts.en.bio}
      />
      <TextField
        id={`${idPrefix}role-ru`}
        name="roleRu"
        label="Russian role (optional)"
        maxLength={200}
        lang="ru"
        initial={initial?.texts.ru?.role}
      />
      <TextArea
        id={`${idPrefix}bio-ru`}
        name="bioRu"
        label="Russian biography"
        rows={3}
        lang="ru"
        initial={initial?.texts.ru?.bio}
      />
    </>
  );
}
