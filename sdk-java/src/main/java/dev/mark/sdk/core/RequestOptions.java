package dev.mark.sdk.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Per-call overrides, taken by every operation as its last argument. Immutable. */
public final class RequestOptions {
  /** No overrides. */
  public static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final String idempotencyKey;
  private final Map<String, String> headers;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.idempotencyKey = builder.idempotencyKey;
    this.headers = Map.copyOf(builder.headers);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** For a POST: the key to send instead of a generated one, e.g. to retry across processes. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Collects the overrides; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private String idempotencyKey;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public RequestOptions build() {
      ClientConfig.checkTimeout(timeout);
      if (maxRetries != null) {
        ClientConfig.checkMaxRetries(maxRetries);
      }
      return new RequestOptions(this);
    }
  }
}
