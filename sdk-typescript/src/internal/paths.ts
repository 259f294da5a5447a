/** The path of one dataset, its ID escaped so that no input can reach another route. */
export function datasetPath(datasetId: string, suffix = ""): string {
  return `/v1/datasets/${encodeURIComponent(datasetId)}${suffix}`;
}
