import type { Operation } from "./operation.js";

/** A request body ready for fetch. */
export interface EncodedBody {
  readonly content: string | Blob | ReadableStream<Uint8Array>;
  readonly contentType: string;
  /** False for a stream: it is read as it is sent, so it cannot be sent a second time. */
  readonly replayable: boolean;
}

const JSON_TYPE = "application/json";

/**
 * Encodes `body` in one of the media types the operation's contract declares for it: raw, as
 * `{ csv: … }` says for `text/csv` (the key is the type's subtype), else as JSON.
 */
export function encodeBody(operation: Operation, body: unknown): EncodedBody {
  if (typeof body === "object" && body !== null) {
    for (const type of operation.contentTypes) {
      const key = type.slice(type.indexOf("/") + 1);
      if (type !== JSON_TYPE && key in body) return raw((body as Record<string, unknown>)[key], type);
    }
  }
  return { content: JSON.stringify(body), contentType: JSON_TYPE, replayable: true };
}

function raw(source: unknown, contentType: string): EncodedBody {
  if (typeof source === "string" || (typeof Blob !== "undefined" && source instanceof Blob)) {
    return { content: source, contentType, replayable: true };
  }
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) {
    return { content: source as ReadableStream<Uint8Array>, contentType, replayable: false };
  }
  if (isAsyncIterable(source)) return { content: streamOf(source), contentType, replayable: false };
  throw new TypeError(`Mark: a ${contentType} body is a string, a Blob, a ReadableStream or an async iterable of bytes`);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * A ReadableStream over an async iterable (Node's `fs.createReadStream`, a generator…), which
 * every fetch takes as a body, where not every one takes the iterable itself (browsers).
 */
function streamOf(iterable: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
