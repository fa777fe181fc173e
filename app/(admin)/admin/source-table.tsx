import type { getSourceCounts } from "@/db/queries/dashboard";

type Props = { rows: Awaited<ReturnType<typeof getSourceCounts>> };

const format = (value: number) => value.toLocaleString("en");

/** A document's signatures per source: a campaign link's ?source=, an embedding site, or none. */
export function SourceTable({ rows }: Props) {
  const shown = rows.filter((row) => row.confirmed + row.pending + row.held > 0);
  if (shown.length === 0) return <p className="hint">No signatures yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Pending</th>
            <th scope="col">Held</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.source ?? ""}>
              <td style={{ overflowWrap: "anywhere" }}>{row.source ?? "(none: the site itself)"}</td>
              <td>{format(row.confirmed)}</td>
              <td>{format(row.pending)}</td>
              <td>{format(row.held)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
