package dev.mark.keys;

import dev.mark.api.ApiKeysApi;
import dev.mark.api.model.ApiKey;
import dev.mark.api.model.ApiKeyList;
import dev.mark.api.model.ApiKeyScope;
import dev.mark.api.model.ApiKeyWithSecret;
import dev.mark.api.model.CreateApiKeyRequest;
import dev.mark.api.model.RollApiKeyRequest;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.http.Enums;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code api-keys} operations: maps the API's models to the key lifecycle and back. The
 * binder has filled in the contract's defaults ({@code limit}, {@code grace_period_seconds}).
 * The service names scopes and environments as strings; each is mapped by one exhaustive switch
 * over the generated enum, so a value added to the contract does not compile until it is.
 */
public final class ApiKeysHandler implements ApiKeysApi {

  private final KeyManagementService keys;

  public ApiKeysHandler(KeyManagementService keys) {
    this.keys = keys;
  }

  @Override
  public ApiKeyWithSecret createApiKey(ApiCall call, CreateApiKeyRequest request,
      String idempotencyKey) {
    IssuedKey issued = keys.create(call.principal(), request.name(),
        request.scopes().stream().map(ApiKeysHandler::scopeName).toList(),
        Optional.ofNullable(request.expiresAt()));
    call.location("/v1/api-keys/" + issued.key().id());
    call.showsSecret();
    return toModel(issued);
  }

  @Override
  public ApiKeyList listApiKeys(ApiCall call, Integer limit, String cursor) {
    ApiKeyPage page = keys.list(call.principal(), limit, Optional.ofNullable(cursor));
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
    call.showsSecret();
    return toModel(keys.roll(call.principal(), keyId,
        Duration.ofSeconds(request.gracePeriodSeconds())));
  }

  private static ApiKeyWithSecret toModel(IssuedKey issued) {
    return new ApiKeyWithSecret(toModel(issued.key()), issued.secret());
  }

  private static ApiKey toModel(ApiKeyRecord key) {
    return new ApiKey(
        key.id(),
        key.name(),
        Enums.named(ApiKey.EnvironmentEnum.class, ApiKeysHandler::environmentName, key.environment()),
        key.scopes().stream()
            .map(scope -> Enums.named(ApiKeyScope.class, ApiKeysHandler::scopeName, scope))
            .toList(),
        key.hint(),
        key.createdAt(),
        key.expiresAt().orElse(null),
        key.lastUsedAt().orElse(null),
        key.previousSecretExpiresAt().orElse(null));
  }

  private static String scopeName(ApiKeyScope scope) {
    return switch (scope) {
      case READ -> "read";
      case WRITE -> "write";
      case MANAGE -> "manage";
    };
  }

  private static String environmentName(ApiKey.EnvironmentEnum environment) {
    return switch (environment) {
      case TEST -> "test";
      case LIVE -> "live";
    };
  }
}
