import { Markdown } from "@/app/_components/markdown";
import type { DocumentInput } from "@/server/admin/inputs/document-input";

/** The text as the public page renders it, before it is saved. */
export function DocumentPreview({ input }: { input: DocumentInput }) {
  return (
    <section className="card" aria-labelledby="preview-heading" lang={input.locale}>
      <h2 id="preview-heading">Preview (not saved yet)</h2>
      <p className="kind">
        Status: {input.status}, goal {input.goal.toLocaleString("en")}
      </p>
      <h3>{input.title}</h3>
      <p className="addressee">To: {input.addressee}</p>
      <p>{input.summary}</p>
      <div className="document-text">
        <Markdown>{input.body}</Markdown>
      </div>
      {input.authors.length > 0 ? (
        <ul className="authors">
          {input.authors.map((author) => (
            <li key={author.name}>
              <strong>{author.name}</strong>
              {author.description ? `, ${author.description}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
