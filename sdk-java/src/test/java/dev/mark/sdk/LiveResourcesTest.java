package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.core.AuthenticationException;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.ProblemCodes;
import dev.mark.sdk.model.ApiKey;
import dev.mark.sdk.model.ApiKeyScope;
import dev.mark.sdk.model.ApiKeyWithSecret;
import dev.mark.sdk.model.CreateApiKeyRequest;
import dev.mark.sdk.model.Health;
import dev.mark.sdk.model.Plan;
import dev.mark.sdk.model.Readiness;
import dev.mark.sdk.model.Usage;
import dev.mark.sdk.model.UsageGranularity;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operations that had no SDK method before the resources were generated, against the real server. */
@ExtendWith(LiveServerExtension.class)
class LiveResourcesTest {
  private MarkClient mark;
  private LiveServer server;

  @BeforeEach
  void connect(LiveServer server) {
    this.server = server;
    mark = server.client().apiKey(server.apiKey()).build();
  }

  private MarkClient with(String secret) {
    return mark.newBuilder().apiKey(secret).build();
  }

  @Test
  void aKeyIsCreatedListedFetchedRolledAndRevoked() {
    ApiKeyWithSecret created = mark.apiKeys().create(new CreateApiKeyRequest().name("Nightly ERP import")
        .scopes(Set.of(ApiKeyScope.READ))).data();
    String id = created.getKey().getId();

    assertThat(created.getSecret()).startsWith("mk_");
    assertThat(mark.apiKeys().list().stream().map(ApiKey::getId)).contains(id);
    assertThat(mark.apiKeys().get(id).data()).isEqualTo(created.getKey());
    assertThat(with(created.getSecret()).datasets().list().meta().status()).isEqualTo(200);

    ApiKeyWithSecret rolled = mark.apiKeys().roll(id, 0).data();
    assertThat(rolled.getSecret()).isNotEqualTo(created.getSecret());
    assertThat(with(rolled.getSecret()).datasets().list().meta().status()).isEqualTo(200);
    assertThat(catchThrowableOfType(AuthenticationException.class, () -> with(created.getSecret()).datasets().list())
        .code()).contains(ProblemCodes.INVALID_API_KEY);

    assertThat(mark.apiKeys().revoke(id).status()).isEqualTo(204);
    assertThat(catchThrowableOfType(AuthenticationException.class, () -> with(rolled.getSecret()).datasets().list())
        .code()).contains(ProblemCodes.INVALID_API_KEY);
    assertThat(mark.apiKeys().list().stream().map(ApiKey::getId)).doesNotContain(id);
  }

  @Test
  void aRolledKeysOldSecretKeepsWorkingForTheDefaultGracePeriod() {
    ApiKeyWithSecret created = mark.apiKeys().create(new CreateApiKeyRequest().name("Rolled").scopes(Set.of(ApiKeyScope.READ))).data();

    ApiKeyWithSecret rolled = mark.apiKeys().roll(created.getKey().getId()).data();

    assertThat(with(created.getSecret()).datasets().list().meta().status()).isEqualTo(200);
    assertThat(rolled.getKey().getPreviousSecretExpiresAt()).isAfter(OffsetDateTime.now().plusHours(23));
  }

  @Test
  void publicOperationsWorkWithoutCredentialsEvenBesideARevokedKey() {
    ApiKeyWithSecret created = mark.apiKeys().create(new CreateApiKeyRequest().name("Short-lived").scopes(Set.of(ApiKeyScope.READ))).data();
    mark.apiKeys().revoke(created.getKey().getId());
    MarkClient revoked = with(created.getSecret());

    List<String> plans = revoked.plans().list().data().getData().stream().map(Plan::getId).collect(Collectors.toList());

    assertThat(plans).contains("free", "mega");
    assertThat(revoked.health().liveness().data().getStatus()).isEqualTo(Health.StatusEnum.OK);
    assertThat(revoked.health().readiness().data().getDatabase()).isEqualTo(Readiness.DatabaseEnum.OK);
  }

  @Test
  void usageReportsTheQuotaAndAcceptsARange() {
    Usage recent = mark.usage().get().data();
    assertThat(recent.getQuota().getMonthlyQuota()).isPositive();

    OffsetDateTime to = OffsetDateTime.now().truncatedTo(ChronoUnit.DAYS).plusDays(1);
    Usage daily = mark.usage().get(to.minusDays(3), to, UsageGranularity.DAY).data();
    assertThat(daily.getGranularity()).isEqualTo(UsageGranularity.DAY);
    assertThat(daily.getFrom()).isEqualTo(to.minusDays(3));
  }
}
