package dev.mark.sdk.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, as the server answered it. Iterating it (or its {@link #stream()}) walks
 * every item from this page on, fetching each next page only when this one is used up; a
 * failed fetch throws its {@link MarkException} from {@code next()}. Immutable; each iteration
 * fetches afresh. Each list operation answers its own subclass (in {@link Pages}), generated from
 * the contract; only this package can make one.
 */
public class Page<T> implements Iterable<T> {
  private final List<T> data;
  private final boolean hasMore;
  private final String nextCursor;
  private final ResponseMeta meta;
  private final Function<String, ? extends Page<T>> fetchPage;

  Page(Parts<T> parts) {
    this.data = List.copyOf(parts.data);
    this.hasMore = parts.hasMore;
    this.nextCursor = parts.nextCursor;
    this.meta = parts.meta;
    this.fetchPage = parts.fetchPage;
  }

  /** This page's items only. */
  public List<T> data() {
    return data;
  }

  public boolean hasNextPage() {
    return hasMore && nextCursor != null;
  }

  /** The cursor of the next page, to resume later. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  public ResponseMeta meta() {
    return meta;
  }

  /** The next page; throws {@link NoSuchElementException} on the last one. */
  public Page<T> nextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("This is the last page: check hasNextPage() first.");
    }
    return fetchPage.apply(nextCursor);
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<T>() {
      private Page<T> page = Page.this;
      private Iterator<T> items = data.iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && page.hasNextPage()) {
          page = page.nextPage();
          items = page.data.iterator();
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /** Every item from this page on, lazily, as a sequential stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** What a page is made of: its items, where the list goes on, and how to fetch the next page. */
  static final class Parts<T> {
    final List<T> data;
    final boolean hasMore;
    final String nextCursor;
    final ResponseMeta meta;
    final Function<String, ? extends Page<T>> fetchPage;

    Parts(List<T> data, boolean hasMore, String nextCursor, ResponseMeta meta,
        Function<String, ? extends Page<T>> fetchPage) {
      this.data = data;
      this.hasMore = hasMore;
      this.nextCursor = nextCursor;
      this.meta = meta;
      this.fetchPage = fetchPage;
    }
  }
}
