import type { ResponseMeta } from "./meta.js";

/** Fetches the page that starts at `cursor` (the first page when `undefined`). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** One page of a list, as the server answered it, and the way to the next one. */
export class Page<T> implements AsyncIterable<T> {
  constructor(
    readonly data: readonly T[],
    readonly hasMore: boolean,
    readonly nextCursor: string | null,
    readonly meta: ResponseMeta,
    private readonly fetchPage: PageFetcher<T>,
  ) {}

  hasNextPage(): boolean {
    return this.hasMore && this.nextCursor !== null;
  }

  /** The next page; throws if there is none (check {@link hasNextPage} first). */
  getNextPage(): Promise<Page<T>> {
    if (!this.hasNextPage()) throw new Error("This is the last page: check hasNextPage() first.");
    return this.fetchPage(this.nextCursor!);
  }

  /** Every item from this page on, fetching each next page only when this one is used up. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> = this;
    for (;;) {
      yield* page.data;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }
}

/**
 * What a list operation returns: await it for the first {@link Page}, or walk every item of
 * every page lazily with `for await (const item of client.datasets.list())`. Nothing is sent
 * until it is awaited or iterated. A real Promise (so `assert.rejects`, `Promise.all` and
 * `instanceof Promise` accept it) whose work starts on first use, as openai-node's APIPromise.
 */
export class PagePromise<T> extends Promise<Page<T>> implements AsyncIterable<T> {
  #first: Promise<Page<T>> | undefined;
  readonly #fetchPage: PageFetcher<T>;

  // derived promises (`.then(...)`) are plain ones, not lazy lists
  static override get [Symbol.species]() {
    return Promise;
  }

  constructor(fetchPage: PageFetcher<T>) {
    super((resolve) => resolve(null as never));
    this.#fetchPage = fetchPage;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetchPage(undefined);
    return this.#first;
  }

  override then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  override catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#firstPage().catch(onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* await this.#firstPage();
  }
}
