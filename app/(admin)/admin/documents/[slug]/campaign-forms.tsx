import { AdminForm, CheckboxField, SelectField, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import type { Document, DocumentResponse, FaqItem } from "@/db/schema";
import { formatFaq } from "@/server/admin/inputs/campaign-input";
import { faqAction, responseAction, scheduleAction } from "./campaign-actions";

// The campaign's settings beside its text: address, languages and closing date; the response and outcome;
// the questions and answers. Each form saves on its own.

/** datetime-local's value for a UTC moment ("2026-12-31T18:00:00"). */
const utcInputValue = (date: Date | null) => (date ? date.toISOString().slice(0, 19) : "");

export function ScheduleForm({ document, oldSlugs }: { document: Document; oldSlugs: string[] }) {
  return (
    <section aria-labelledby="schedule-heading" id="schedule">
      <h2 id="schedule-heading">Address, languages and closing date</h2>
      <AdminForm action={scheduleAction} className="form">
        <input type="hidden" name="slug" value={document.slug} />
        <TextField name="newSlug" label="Address" initial={document.slug} maxLength={80} />
        {oldSlugs.length > 0 ? (
          <p className="hint">Earlier addresses, which redirect here: {oldSlugs.join(", ")}.</p>
        ) : null}
        <CheckboxField
          name="languages"
          value="ru"
          label="Published in Russian (English always)"
          initial={document.languages.includes("ru")}
        />
        <TextField
          name="closesAt"
          label="Closes on (UTC; leave empty to close it by hand)"
          type="datetime-local"
          step={1}
          initial={utcInputValue(document.closesAt)}
        />
        <div className="actions">
          <SubmitButton>Save address and schedule</SubmitButton>
        </div>
      </AdminForm>
    </section>
  );
}

export function ResponseForm({ document, response }: { document: Document; response: DocumentResponse | undefined }) {
  return (
    <section aria-labelledby="response-heading" id="response">
      <h2 id="response-heading">Response and outcome</h2>
      <AdminForm action={responseAction} className="form">
        <input type="hidden" name="slug" value={document.slug} />
        <SelectField
          name="outcome"
          label="Outcome"
          initial={document.outcome ?? ""}
          options={[
            { value: "", label: "None yet" },
            { value: "delivered", label: "Delivered" },
            { value: "answered", label: "Answered" },
            { value: "won", label: "Won" },
            { value: "lost", label: "Lost" },
          ]}
        />
        <TextField
          name="respondedOn"
          label="Date of the response"
          type="date"
          initial={response?.respondedAt.toISOString().slice(0, 10) ?? ""}
        />
        <TextArea
          name="responseText"
          label="The response (Markdown; shown on the public page as written)"
          rows={8}
          initial={response?.text ?? ""}
        />
        <TextField
          name="sourceUrl"
          label="Where it was published (optional)"
          type="url"
          initial={response?.sourceUrl ?? ""}
        />
        <div className="actions">
          <SubmitButton className="secondary">Save response</SubmitButton>
          <SubmitButton intent="notify">Save and draft an update to signers</SubmitButton>
        </div>
      </AdminForm>
    </section>
  );
}

export function FaqForm({ document, faq }: { document: Document; faq: Partial<Record<"en" | "ru", FaqItem[]>> }) {
  return (
    <section aria-labelledby="faq-heading" id="faq">
      <h2 id="faq-heading">Questions and answers</h2>
      <p>
        Start each question with “## ” on its own line and write its answer (Markdown) below it. Leave a language empty
        to show the site’s general questions (what happens to a signature, when it is delivered, who sees names).
      </p>
      <AdminForm action={faqAction} className="form">
        <input type="hidden" name="slug" value={document.slug} />
        <TextArea name="faq-en" label="In English" rows={10} initial={formatFaq(faq.en ?? [])} />
        <TextArea name="faq-ru" label="In Russian" rows={10} lang="ru" initial={formatFaq(faq.ru ?? [])} />
        <div className="actions">
          <SubmitButton>Save questions</SubmitButton>
        </div>
      </AdminForm>
    </section>
  );
}
