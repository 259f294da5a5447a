// SDK overhead per call, TypeScript: Mark's datasets.retrieve against a raw fetch + res.json()
// of the same GET /v1/datasets/{id}, interleaved in rounds (alternating which goes first) so that drift hits both alike.
// Run through bench/sdk-overhead.sh, which starts the server and passes: base URL, key, dataset.
import { Mark } from "../sdk-typescript/dist/esm/index.js";

const [baseURL, apiKey, datasetId, roundsArg = "20", perRoundArg = "200"] = process.argv.slice(2);
const rounds = Number(roundsArg);
const perRound = Number(perRoundArg);
const url = `${baseURL}/v1/datasets/${datasetId}`;

const raw = async () => {
  const res = await fetch(url, { headers: { "X-API-Key": apiKey, Accept: "application/json" } });
  if (!res.ok) throw new Error(`raw fetch: ${res.status}`);
  return res.json();
};
const mark = new Mark({ apiKey, baseURL });
const sdk = () => mark.datasets.retrieve(datasetId);

async function time(call, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call();
  return Number(process.hrtime.bigint() - start) / 1e3; // µs
}

await time(raw, 500); // warm-up: JIT, connection pool
await time(sdk, 500);
let rawUs = 0;
let sdkUs = 0;
for (let r = 0; r < rounds; r++) {
  // alternate which goes first, so that neither always runs on the warmer (or busier) side
  if (r % 2 === 0) rawUs += await time(raw, perRound);
  sdkUs += await time(sdk, perRound);
  if (r % 2 === 1) rawUs += await time(raw, perRound);
}
const calls = rounds * perRound;
console.log(
  `typescript  raw fetch ${(rawUs / calls).toFixed(1)} µs/call  SDK ${(sdkUs / calls).toFixed(1)} µs/call  ratio ${(sdkUs / rawUs).toFixed(3)}  (${calls} calls each)`,
);
