type Bar = { label: string; value: number };

type Props = { title: string; data: Bar[]; id: string; columns?: [label: string, value: string] };

const width = 600;
const height = 180;
const top = 24;
const baseline = height - 24;
const barColour = "#8a1c1c";
const textColour = "#595550";

/** A static SVG bar chart with its figures in a table too, for screen readers and browsers without SVG. */
export function BarChart({ title, data, id, columns = ["Label", "Value"] }: Props) {
  const max = Math.max(0, ...data.map((bar) => bar.value));
  const total = data.reduce((sum, bar) => sum + bar.value, 0);
  const scale = max > 0 ? (baseline - top) / max : 0;
  const slot = width / Math.max(data.length, 1);
  const format = (value: number) => value.toLocaleString("en");
  return (
    <div style={{ margin: "1rem 0" }}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: "block", height: "auto", maxWidth: "100%" }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`Total ${format(total)}, highest ${format(max)}.`}</desc>
        <line x1={0} x2={width} y1={top} y2={top} stroke="#d9d4cb" strokeDasharray="4 4" />
        <text x={4} y={top - 6} fill={textColour} fontSize={14}>
          {`max ${format(max)}`}
        </text>
        {data.map((bar, i) => {
          const barHeight = bar.value * scale;
          return (
            <rect
              key={i}
              x={i * slot + slot * 0.1}
              y={baseline - barHeight}
              width={slot * 0.8}
              height={barHeight}
              fill={barColour}
            >
              <title>{`${bar.label}: ${format(bar.value)}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={baseline} y2={baseline} stroke={textColour} strokeWidth={1.5} />
        {data.length > 0 ? (
          <>
            <text x={0} y={height - 6} fill={textColour} fontSize={14}>
              {data[0].label}
            </text>
            <text x={width} y={height - 6} fill={textColour} fontSize={14} textAnchor="end">
              {data[data.length - 1].label}
            </text>
          </>
        ) : null}
      </svg>
      <details>
        <summary>Figures: {title}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col">{columns[1]}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((bar, i) => (
                <tr key={i}>
                  <td>{bar.label}</td>
                  <td>{format(bar.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
