type Bar = { label: string; value: number };

type Props = {
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  columns: [label: string, value: string];
  format: (value: number) => string;
};

const width = 640;
const rowHeight = 30;
const labelWidth = 200;
const valueWidth = 80;
const barColour = "#8a1c1c";
const textColour = "#3d3a36";

/**
 * A horizontal bar chart drawn on the server: one SVG, no script. The picture is one image to a screen
 * reader (its title and summary); the figures are in the table after it, announced by its caption.
 */
export function CountryChart({ id, title, summary, bars, columns, format }: Props) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * rowHeight + 8;
  const room = width - labelWidth - valueWidth;
  return (
    <figure className="country-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const length = Math.max(2, (bar.value / max) * room);
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" fill={textColour} fontSize={15}>
                {bar.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} fill={barColour} rx={2} />
              <text x={labelWidth + length + 6} y={y + rowHeight / 2 + 5} fill={textColour} fontSize={15}>
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden" id={`${id}-table`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{format(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
