"use client";
// A Next.js client component: draws the chart that came with a query's answer
// (`include: ["chart"]`). Its spec is a complete Vega-Lite v6 specification with the data
// inline, so vega-embed renders it as it is; the reason says why Mark chose this kind, and the
// alternatives are other kinds to ask for with `chart: { type }`.
import type { Chart } from "@mark/sdk";
import { useEffect, useRef } from "react";
import embed, { type VisualizationSpec } from "vega-embed";

export function ResultChart({ chart }: { chart: Chart }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const embedded = embed(container.current, chart.spec as VisualizationSpec, { actions: false });
    // a new chart (or leaving the page) removes the old view and its listeners
    return () => void embedded.then((result) => result.finalize());
  }, [chart]);

  return (
    <figure>
      <div ref={container} />
      <figcaption>
        {chart.reason}
        {chart.alternatives.length > 0 && ` (also: ${chart.alternatives.map((a) => a.type).join(", ")})`}
      </figcaption>
    </figure>
  );
}
