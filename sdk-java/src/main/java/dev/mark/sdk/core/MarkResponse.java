package dev.mark.sdk.core;

/** A response body with its {@link ResponseMeta}: request ID, rate-limit state, headers. */
public final class MarkResponse<T> {
  private final T data;
  private final ResponseMeta meta;

  MarkResponse(T data, ResponseMeta meta) {
    this.data = data;
    this.meta = meta;
  }

  /** The body, as the generated model. */
  public T data() {
    return data;
  }

  public ResponseMeta meta() {
    return meta;
  }
}
