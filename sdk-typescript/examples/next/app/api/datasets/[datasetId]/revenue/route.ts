// A Next.js route handler (app/api/datasets/[datasetId]/revenue/route.ts): revenue by month,
// with Mark's errors passed on to the browser as they came.
import { MarkError } from "@mark/sdk";
import { mark } from "../../../../../mark.js";

export async function GET(
  _request: Request,
  context: { params: Promise<{ datasetId: string }> },
): Promise<Response> {
  const { datasetId } = await context.params;
  try {
    const result = await mark.analytics.query(datasetId, {
      measures: [{ agg: "sum", column: "revenue", alias: "revenue" }],
      time_bucket: { column: "ordered_at", granularity: "month", time_zone: "Europe/Paris" },
    });
    return Response.json({ columns: result.columns, rows: result.rows });
  } catch (e) {
    if (e instanceof MarkError && e.status !== undefined) {
      return Response.json({ code: e.code, detail: e.detail, request_id: e.requestId }, { status: e.status });
    }
    throw e;
  }
}
