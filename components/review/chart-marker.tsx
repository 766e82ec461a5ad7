import type { Marker } from "@/lib/review/chart-model";

/** A recharts `dot` that draws the series' own marker, so series differ by shape as well as colour. */
export function markerDot(marker: Marker, color: string, size = 4) {
  function Dot(props: unknown) {
    const { cx, cy, index } = props as { cx?: number; cy?: number; index?: number };
    if (cx == null || cy == null) return <g key={index} />;
    const s = size;
    if (marker === "triangle") return <path key={index} d={`M${cx},${cy - s - 1}L${cx + s + 1},${cy + s}L${cx - s - 1},${cy + s}Z`} fill={color} />;
    if (marker === "square") return <rect key={index} x={cx - s} y={cy - s} width={2 * s} height={2 * s} fill={color} />;
    if (marker === "diamond") return <path key={index} d={`M${cx},${cy - s - 1}L${cx + s + 1},${cy}L${cx},${cy + s + 1}L${cx - s - 1},${cy}Z`} fill={color} />;
    return <circle key={index} cx={cx} cy={cy} r={s} fill="white" stroke={color} strokeWidth={2} />;
  }
  return Dot;
}

/** The legend as HTML (readable at any size, printable): a swatch with the series' marker and line style. */
export function ChartLegend({ items }: { items: { name: string; color: string; marker: Marker; dash?: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {items.map((i) => (
        <li key={i.name} className="inline-flex items-center gap-2">
          <svg width="30" height="14" aria-hidden="true">
            <line x1="1" y1="7" x2="29" y2="7" stroke={i.color} strokeWidth="2" strokeDasharray={i.dash} />
            {markerDot(i.marker, i.color, 4)({ cx: 15, cy: 7 })}
          </svg>
          {i.name}
        </li>
      ))}
    </ul>
  );
}
