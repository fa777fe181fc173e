import Link from "next/link";

type Row = { value: string; count: number; href: string };

/** One window's busiest address hashes or email domains, each a link into the bulk invalidation. */
export function AnomalyTable({ caption, column, rows }: { caption: string; column: string; rows: Row[] }) {
  if (rows.length === 0) return <p className="hint">{caption}: none.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">Signatures</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value}>
              <td className="hash">{row.value}</td>
              <td>{row.count.toLocaleString("en")}</td>
              <td>
                <Link href={row.href}>
                  Review in bulk invalidation<span className="visually-hidden">: {row.value}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
