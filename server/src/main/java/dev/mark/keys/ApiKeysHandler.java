package dev.mark.keys;

import dev.mark.api.ApiKeysApi;
import dev.mark.api.model.ApiKey;
import dev.mark.api.model.ApiKeyList;
import dev.mark.api.model.ApiKeyScope;
import dev.mark.api.model.ApiKeyWithSecret;
import dev.mark.api.model.CreateApiKeyRequest;
import dev.mark.api.model.RollApiKeyRequest;
import dev.mark.platform.http.ApiCall;
import java.time.Duration;
import java.util.Optional;

/** The {@code api-keys} operations: maps the API's models to the key lifecycle and back. */
public final class ApiKeysHandler implements ApiKeysApi {

  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int DEFAULT_GRACE_SECONDS = 86_400;

  private final KeyManagementService keys;

  public ApiKeysHandler(KeyManagementService keys) {
    this.keys = keys;
  }

  @Override
  public ApiKeyWithSecret createApiKey(ApiCall call, CreateApiKeyRequest request,
      String idempotencyKey) {
    IssuedKey issued = keys.create(call.principal(), request.name(),
        request.scopes().stream().map(ApiKeyScope::value).toList(),
        Optional.ofNullable(request.expiresAt()));
    call.location("/v1/api-keys/" + issued.key().id());
    return toModel(issued);
  }

  @Override
  public ApiKeyList listApiKeys(ApiCall call, Integer limit, String cursor) {
    ApiKeyPage page = keys.list(call.principal(), limit == null ? DEFAULT_PAGE_SIZE : limit,
        Optional.ofNullable(cursor));
    return new ApiKeyList(
        page.items().stream().map(ApiKeysHandler::toModel).toList(),
        page.nextCursor().isPresent(),
        page.nextCursor().orElse(null));
  }

  @Override
  public ApiKey getApiKey(ApiCall call, String keyId) {
    return toModel(keys.get(call.principal(), keyId));
  }

  @Override
  public void revokeApiKey(ApiCall call, String keyId) {
    keys.revoke(call.principal(), keyId);
  }

  @Override
  public ApiKeyWithSecret rollApiKey(ApiCall call, String keyId, RollApiKeyRequest request,
      String idempotencyKey) {
    int grace = request.gracePeriodSeconds() == null
        ? DEFAULT_GRACE_SECONDS
        : request.gracePeriodSeconds();
    return toModel(keys.roll(call.principal(), keyId, Duration.ofSeconds(grace)));
  }

  private static ApiKeyWithSecret toModel(IssuedKey issued) {
    return new ApiKeyWithSecret(toModel(issued.key()), issued.secret());
  }

  private static ApiKey toModel(ApiKeyRecord key) {
    return new ApiKey(
        key.id(),
        key.name(),
        ApiKey.EnvironmentEnum.fromValue(key.environment()),
        key.scopes().stream().map(ApiKeyScope::fromValue).toList(),
        key.hint(),
        key.createdAt(),
        key.expiresAt().orElse(null),
        key.lastUsedAt().orElse(null),
        key.previousSecretExpiresAt().orElse(null));
  }
}
