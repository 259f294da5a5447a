// SDK overhead per call, TypeScript: Mark's datasets.get against a raw fetch + res.json()
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
const sdk = () => mark.datasets.get(datasetId);

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

// The SDK's own cost, without the network's noise: the same two paths over a stub fetch that
// answers at once with the body the server just sent.
const body = JSON.stringify(await raw());
const stub = async () => new Response(body, { status: 200, headers: { "content-type": "application/json", "x-request-id": "req_1" } });
const rawStub = async () => (await stub(url, {})).json();
const stubbed = new Mark({ apiKey, baseURL, fetch: stub });
const sdkOverStub = () => stubbed.datasets.get(datasetId);
await time(rawStub, 5_000);
await time(sdkOverStub, 5_000);
const stubCalls = 20_000;
const rawStubUs = await time(rawStub, stubCalls);
const sdkStubUs = await time(sdkOverStub, stubCalls);
console.log(
  `typescript  over a stub fetch: raw ${(rawStubUs / stubCalls).toFixed(1)} µs/call  SDK ${(sdkStubUs / stubCalls).toFixed(1)} µs/call  (SDK's own cost ${((sdkStubUs - rawStubUs) / stubCalls).toFixed(1)} µs/call)`,
);
