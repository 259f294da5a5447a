// A Next.js server component (app/datasets/[datasetId]/revenue/page.tsx): queries revenue by
// month on the server, with the API key, and asks for the chart of the answer, which the client
// component draws in the browser.
import { mark } from "../../../../mark.js";
import { ResultChart } from "../../../components/result-chart.js";

export default async function RevenuePage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  const result = await mark.analytics.query(datasetId, {
    measures: [{ agg: "sum", column: "revenue" }],
    time_bucket: { column: "ordered_at", granularity: "month", time_zone: "Europe/Paris" },
    include: ["chart"],
  });
  return (
    <main>
      <h1>Revenue by month</h1>
      {result.chart ? <ResultChart chart={result.chart} /> : <p>No chart</p>}
    </main>
  );
}
