import { TextArea, TextField } from "@/app/_components/admin-form";
import type { DelegationTexts } from "@/db/queries/delegations";

/** A delegation's story in English and, optionally, Russian: empty for a new delegation. */
export function StoryFields({ texts }: { texts?: DelegationTexts }) {
  const en = texts?.en;
  const ru = texts?.ru;
  return (
    <>
      <TextField id="story-title" name="title" label="Title" required maxLength={200} initial={en?.title} />
      <TextArea id="story-summary" name="summary" label="Summary" rows={3} required initial={en?.summary} />
      <TextArea id="story-body" name="body" label="Text (Markdown)" rows={10} required initial={en?.body} />
      <TextField
        id="story-title-ru"
        name="titleRu"
        label="Russian title (optional)"
        maxLength={200}
        lang="ru"
        initial={ru?.title}
      />
      <TextArea
        id="story-summary-ru"
        name="summaryRu"
        label="Russian summary"
        rows={3}
        lang="ru"
        initial={ru?.summary}
      />
      <TextArea
        id="story-body-ru"
        name="bodyRu"
        label="Russian text (Markdown)"
        rows={10}
        lang="ru"
        initial={ru?.body}
      />
    </>
  );
}
