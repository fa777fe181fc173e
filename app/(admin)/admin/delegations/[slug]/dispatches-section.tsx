import { AdminForm, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import type { listDispatches } from "@/db/queries/delegation-dispatches";
import { deleteDispatchAction, editDispatchAction, postDispatchAction } from "../actions";

type Props = { slug: string; dispatches: Awaited<ReturnType<typeof listDispatches>> };

/** Posting a dispatch, and the published ones, each open to correct or remove. */
export function DispatchesSection({ slug, dispatches }: Props) {
  const ofThis = <input type="hidden" name="delegation" value={slug} />;
  return (
    <>
      <section aria-labelledby="dispatch-heading" className="card">
        <h2 id="dispatch-heading">Post a dispatch</h2>
        <AdminForm action={postDispatchAction} className="form">
          {ofThis}
          <DispatchFields />
          <div className="actions">
            <SubmitButton>Publish the dispatch</SubmitButton>
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="dispatches-heading" className="card">
        <h2 id="dispatches-heading">Published dispatches</h2>
        {dispatches.length === 0 ? <p>No dispatches yet.</p> : null}
        <p className="hint">Open a dispatch to correct it or to remove it from the public page.</p>
        <ul className="dispatch-list">
          {dispatches.map((dispatch) => (
            <li key={dispatch.id}>
              <details>
                <summary>
                  {dispatch.dated}: {dispatch.texts.en.title}
                  {dispatch.texts.ru ? " (also in Russian)" : ""}
                </summary>
                <AdminForm action={editDispatchAction} className="form">
                  {ofThis}
                  <input type="hidden" name="id" value={dispatch.id} />
                  <DispatchFields idPrefix={`dispatch-${dispatch.id}-`} initial={dispatch} />
                  <div className="actions">
                    <SubmitButton>Save the dispatch</SubmitButton>
                  </div>
                </AdminForm>
                <AdminForm action={deleteDispatchAction} className="actions">
                  {ofThis}
                  <input type="hidden" name="id" value={dispatch.id} />
                  <SubmitButton className="secondary">
                    Remove this dispatch<span className="visually-hidden"> ({dispatch.texts.en.title})</span>
                  </SubmitButton>
                </AdminForm>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type DispatchTexts = {
  dated: string;
  texts: { en: { title: string; body: string }; ru?: { title: string; body: string } };
};

/** The fields of a dispatch, empty for a new one or filled from a published one. */
function DispatchFields({ idPrefix = "", initial }: { idPrefix?: string; initial?: DispatchTexts }) {
  return (
    <>
      <TextField
        id={`${idPrefix}dated`}
        name="dated"
        label="Date it speaks of"
        type="date"
        required
        initial={initial?.dated}
      />
      <TextField
        id={`${idPrefix}title`}
        name="title"
        label="Title"
        required
        maxLength={200}
        initial={initial?.texts.en.title}
      />
      <TextArea
        id={`${idPrefix}body`}
        name="body"
        label="Text (Markdown)"
        rows={8}
        required
        initial={initial?.texts.en.body}
      />
      <TextField
        id={`${idPrefix}titleRu`}
        name="titleRu"
        label="Russian title (optional)"
        maxLength={200}
        lang="ru"
        initial={initial?.texts.ru?.title}
      />
      <TextArea
        id={`${idPrefix}bodyRu`}
        name="bodyRu"
        label="Russian text (optional; without it Russian readers see the English)"
        rows={8}
        lang="ru"
        initial={initial?.texts.ru?.body}
      />
    </>
  );
}
