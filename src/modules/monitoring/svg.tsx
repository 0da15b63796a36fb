// Charts drawn on the server as SVG (issue 9 item 4): no script, light, and each one has its data
// table beside it (the chart is an image with a text alternative; the table is what screen readers read).

const W = 640;
/** Horizontal bars of shares 0..1 (null: not measured yet, drawn as an empty row). */
export function BarChart(p: { id: string; title: string; bars: { label: string; value: number | null }[]; goal?: number }) {
  const rowH = 22;
  const left = 220;
  const h = p.bars.length * rowH + 24;
  const x = (v: number) => left + Math.round(v * (W - left - 50));
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-labelledby={`${p.id}-t`}>
      <title id={`${p.id}-t`}>{p.title}</title>
      {p.bars.map((b, i) => (
        <g key={i}>
          <text x={left - 6} y={i * rowH + 15} text-anchor="end" font-size="12" fill="#0b0c0c">
            {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
          </text>
          {b.value === null ? (
            <text x={left + 4} y={i * rowH + 15} font-size="12" fill="#505a5f">
              —
            </text>
          ) : (
            <>
              <rect
                x={left}
                y={i * rowH + 4}
                width={Math.max(1, x(b.value) - left)}
                height={rowH - 8}
                fill={b.value >= (p.goal ?? 1) ? '#00703c' : '#d4351c'}
              />
              <text x={x(b.value) + 4} y={i * rowH + 15} font-size="12" fill="#0b0c0c">
                {`${Math.round(b.value * 100)}%`}
              </text>
            </>
          )}
        </g>
      ))}
      {p.goal !== undefined && <line x1={x(p.goal)} x2={x(p.goal)} y1={0} y2={h - 20} stroke="#0b0c0c" stroke-dasharray="4 3" />}
      <text x={left} y={h - 4} font-size="11" fill="#505a5f">
        0%
      </text>
      <text x={x(1)} y={h - 4} font-size="11" fill="#505a5f" text-anchor="end">
        100%
      </text>
    </svg>
  );
}

/** A line of shares 0..1 over periods (null: nothing measured in that period: a gap). */
export function TrendChart(p: { id: string; title: string; points: { label: string; value: number | null }[] }) {
  const h = 180;
  const top = 10;
  const bottom = 150;
  const step = (W - 60) / Math.max(1, p.points.length - 1);
  const y = (v: number) => bottom - Math.round(v * (bottom - top));
  const segs: string[] = [];
  let cur = '';
  p.points.forEach((pt, i) => {
    if (pt.value === null) {
      if (cur) segs.push(cur);
      cur = '';
    } else cur += `${cur ? 'L' : 'M'}${40 + i * step},${y(pt.value)} `;
  });
  if (cur) segs.push(cur);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-labelledby={`${p.id}-t`}>
      <title id={`${p.id}-t`}>{p.title}</title>
      <line x1={40} x2={W - 20} y1={bottom} y2={bottom} stroke="#b1b4b6" />
      <line x1={40} x2={W - 20} y1={top} y2={top} stroke="#b1b4b6" stroke-dasharray="4 3" />
      <text x={36} y={top + 4} font-size="11" text-anchor="end" fill="#505a5f">
        100%
      </text>
      <text x={36} y={bottom + 4} font-size="11" text-anchor="end" fill="#505a5f">
        0%
      </text>
      {segs.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="#1d70b8" stroke-width="2" />
      ))}
      {p.points.map((pt, i) => (
        <g key={i}>
          {pt.value !== null && <circle cx={40 + i * step} cy={y(pt.value)} r={3} fill="#1d70b8" />}
          <text x={40 + i * step} y={h - 8} font-size="11" text-anchor="middle" fill="#0b0c0c">
            {pt.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
