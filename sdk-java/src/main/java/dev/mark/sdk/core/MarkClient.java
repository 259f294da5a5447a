package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mark.sdk.client.ApiClient;
import dev.mark.sdk.model.Session;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The Mark API client. Build one with {@link #builder()} and share it: it is immutable and
 * thread-safe; {@link #newBuilder()} derives a changed copy.
 *
 * <p>Its resources ({@link #datasets()}, {@link #rows()}, {@link #apiKeys()}…) and their methods
 * are generated from the contract into {@link MarkClientBase}: a new operation or tag in
 * {@code openapi.yaml} reaches this class with no edit here.
 *
 * <p>Every call retries network errors, timeouts, 408, 429, 500, 502, 503 and 504 (up to
 * {@code maxRetries}, with backoff and jitter, honouring Retry-After), sends the attempts of an
 * operation that takes an Idempotency-Key with one key (other POSTs are sent once), sends public
 * operations without credentials, and throws an unchecked {@link MarkException} subclass for
 * anything else that is not a success. A client with a user's refresh token refreshes the
 * session when a call finds the access token expired, and sends that call again; it shares the
 * session, renewals included, with the clients {@link #newBuilder()} derives, unless they are
 * given other credentials.
 */
public final class MarkClient extends MarkClientBase {
  static final String DEFAULT_BASE_URL = "https://api.mark.dev";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final int DEFAULT_MAX_RETRIES = 2;

  private final Builder options;

  // the resources (datasets(), rows(), apiKeys()…) are MarkClientBase's, generated from the contract
  private MarkClient(Builder options, ClientConfig config) {
    super(config);
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's options, to derive a changed client; this one is unchanged. */
  public Builder newBuilder() {
    return new Builder(options);
  }

  /**
   * A client that acts as the user of a token-mode session (from {@code auth().confirmSignup},
   * {@code login} or {@code refresh}): its access token as the bearer token, in place of any API
   * key, and its refresh token to renew it when it expires, with this client's other options.
   *
   * @throws IllegalArgumentException for a cookie-mode session, which has no access token
   */
  public MarkClient withSession(Session session) {
    if (session.getAccessToken() == null) {
      throw new IllegalArgumentException("Mark: this session has no access token: cookie mode is for browsers.");
    }
    return newBuilder().apiKey(null).bearerToken(session.getAccessToken()).refreshToken(session.getRefreshToken())
        .build();
  }

  /**
   * Collects the options; {@link #build()} settles them (the API key falls back on
   * {@code MARK_API_KEY} unless a bearer or refresh token is set, the base URL on
   * {@code MARK_BASE_URL}) and fails fast on a bad one, naming it. A client without an API key,
   * a bearer token or a refresh token can only sign up, log in, refresh and log out; its other
   * calls throw an IllegalStateException before sending anything. Not thread-safe; the clients
   * it builds are.
   */
  public static final class Builder {
    private String apiKey;
    private String bearerToken;
    private String refreshToken;
    /** The session of the client this builder came from, kept until the credentials change. */
    private SessionTokens session;
    private Consumer<Session> onSession = started -> { };
    private String baseUrl;
    private Environment environment;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpClient httpClient;
    private Exchange exchange;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Function<String, String> environmentVariables = System::getenv;

    private Builder() {}

    private Builder(Builder other) {
      apiKey = other.apiKey;
      bearerToken = other.bearerToken;
      refreshToken = other.refreshToken;
      session = other.session;
      onSession = other.onSession;
      baseUrl = other.baseUrl;
      environment = other.environment;
      timeout = other.timeout;
      maxRetries = other.maxRetries;
      headers.putAll(other.headers);
      httpClient = other.httpClient;
      exchange = other.exchange;
      sleeper = other.sleeper;
      random = other.random;
      environmentVariables = other.environmentVariables;
    }

    /** A Mark API key ({@code mk_live_…}), sent as X-API-Key; defaults to {@code MARK_API_KEY}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      this.session = null;
      return this;
    }

    /** A user's access token, sent as {@code Authorization: Bearer …}. */
    public Builder bearerToken(String bearerToken) {
      this.bearerToken = bearerToken;
      this.session = null;
      return this;
    }

    /**
     * The refresh token of the token-mode session the bearer token belongs to. With it the
     * client renews the session on its own when the access token expires (or at its first call,
     * without a bearer token); see {@link #onSession} to keep the new tokens. Ignored next to an
     * API key.
     */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      this.session = null;
      return this;
    }

    /**
     * Called with every session that a signup's confirmation, login or refresh starts, by hand or when the client
     * renews its session on its own, before the call that waited for it goes on: the place to
     * store a session's new tokens, since each refresh token works once. It runs on the thread
     * of the call that refreshed; what it throws, the calls that waited for it throw, though the
     * client keeps the new tokens.
     */
    public Builder onSession(Consumer<Session> onSession) {
      this.onSession = Objects.requireNonNull(onSession, "Mark: onSession must not be null");
      return this;
    }

    /** Defaults to {@code MARK_BASE_URL}, else {@code https://api.mark.dev}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The environment a session acts in, sent as {@code Mark-Environment}; unset, the server's
     * default ({@code test}). An API key acts in its own environment only.
     */
    public Builder environment(Environment environment) {
      this.environment = environment;
      return this;
    }

    /** How long each attempt may wait for its response; 60 s by default. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Retries after the first attempt; 2 by default, 0 turns retrying off. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** A header sent with every request. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The HttpClient to send with (a proxy, an executor, TLS settings…); a default one otherwise. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      this.exchange = null;
      return this;
    }

    // Test seams: a scripted network, a recording sleep, a fixed jitter, fake environment variables.
    Builder exchange(Exchange exchange) {
      this.exchange = exchange;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    Builder environmentVariables(Function<String, String> environmentVariables) {
      this.environmentVariables = environmentVariables;
      return this;
    }

    public MarkClient build() {
      // a user's client must not pick up the server's key and act as its account
      boolean user = !isBlank(bearerToken) || !isBlank(refreshToken);
      String key = apiKey != null || user ? apiKey : environmentVariables.apply("MARK_API_KEY");
      String url = baseUrl != null ? baseUrl : environmentVariables.apply("MARK_BASE_URL");
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("User-Agent", "mark-sdk-java/" + SdkVersion.VALUE + " java/" + System.getProperty("java.version"));
      // sent with the operations that take credentials only, never with public ones
      Map<String, String> credentials = isBlank(key) ? Map.of() : Map.of("X-API-Key", key);
      if (environment != null) {
        all.put("Mark-Environment", environment.value());
      }
      if (timeout == null) {
        throw new IllegalArgumentException("Mark: timeout must be set");
      }
      // an API key's client never renews a session
      SessionTokens tokens = session != null ? session
          : new SessionTokens(blankToNull(bearerToken), isBlank(key) ? blankToNull(refreshToken) : null);
      ClientConfig config = new ClientConfig(
          ClientConfig.checkBaseUrl(isBlank(url) ? DEFAULT_BASE_URL : url.trim()), all, credentials,
          !isBlank(key) || user, tokens, onSession, timeout, maxRetries,
          exchange != null ? exchange : exchangeOver(httpClient != null ? httpClient : HttpClient.newHttpClient()),
          sleeper, random, objectMapper());
      Builder kept = new Builder(this);
      kept.session = tokens;
      return new MarkClient(kept, config);
    }

    private static Exchange exchangeOver(HttpClient client) {
      return request -> client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    // the generated models' own configuration: snake_case names, RFC 3339 times, unknown
    // properties ignored so that a newer server adding a field breaks no caller; and numbers
    // that are not typed by a model (query results, rows) as exact decimals, never doubles
    private static ObjectMapper objectMapper() {
      return ApiClient.createDefaultObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
      return isBlank(value) ? null : value;
    }
  }
}
