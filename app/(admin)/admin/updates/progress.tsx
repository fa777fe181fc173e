import type { getUpdateProgress } from "@/db/queries/updates";

type Progress = Awaited<ReturnType<typeof getUpdateProgress>>;

/** Where sending stands, as numbers and a bar; the page around it refreshes while it changes. */
export function UpdateProgress({ progress, recipients }: { progress: Progress; recipients: number }) {
  const waiting = progress.queued + progress.sending;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <p>
        <label htmlFor="sent-bar">
          Sent {progress.sent.toLocaleString("en")} of {recipients.toLocaleString("en")}
        </label>{" "}
        <progress id="sent-bar" max={Math.max(recipients, 1)} value={progress.sent} />
      </p>
      <dl className="stats">
        <div className="stat">
          <dt>Recipients</dt>
          <dd>
            <strong>{recipients.toLocaleString("en")}</strong>
          </dd>
        </div>
        <div className="stat">
          <dt>Sent</dt>
          <dd>
            <strong>{progress.sent.toLocaleString("en")}</strong>
          </dd>
        </div>
        <div className="stat">
          <dt>Waiting</dt>
          <dd>
            <strong>{waiting.toLocaleString("en")}</strong>
          </dd>
        </div>
        <div className="stat">
          <dt>Failed</dt>
          <dd>
            <strong>{progress.failed.toLocaleString("en")}</strong>
          </dd>
        </div>
      </dl>
    </section>
  );
}
