// A Next.js server component (app/datasets/page.tsx): runs on the server, with the API key,
// and renders the account's datasets.
import { mark } from "../../mark.js";

export default async function DatasetsPage() {
  const page = await mark.datasets.list({ limit: 20 });
  return (
    <main>
      <h1>Datasets</h1>
      <ul>
        {page.data.map((ds) => (
          <li key={ds.id}>
            {ds.name}: {ds.row_count} rows, created {new Date(ds.created_at).toLocaleDateString()}
          </li>
        ))}
      </ul>
      {page.hasNextPage() && <a href={`?cursor=${page.nextCursor}`}>More</a>}
      <p>request {page.meta.requestId}</p>
    </main>
  );
}
