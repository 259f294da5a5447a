package dev.mark.sdk;

import static dev.mark.sdk.GeneratedClients.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.api.DatasetsApi;
import dev.mark.sdk.client.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the server answers the generated client's credentials, or their absence. */
@ExtendWith(LiveServerExtension.class)
class ApiKeyAuthenticationTest {

  @Test
  void aMalformedApiKeyIsRejectedWith401(LiveServer server) {
    DatasetsApi datasets = new DatasetsApi(GeneratedClients.withApiKey(server, "mk_test_typo"));

    ApiException rejected =
        catchThrowableOfType(ApiException.class, () -> datasets.listDatasets(null, null));

    assertThat(rejected.getCode()).isEqualTo(401);
    assertThat(problemOf(rejected).getCode()).isEqualTo("invalid_api_key");
  }

  @Test
  void aRequestWithoutAnApiKeyIsRejectedWith401(LiveServer server) {
    DatasetsApi datasets = new DatasetsApi(GeneratedClients.withoutApiKey(server));

    ApiException rejected =
        catchThrowableOfType(ApiException.class, () -> datasets.listDatasets(null, null));

    assertThat(rejected.getCode()).isEqualTo(401);
    assertThat(problemOf(rejected).getCode()).isEqualTo("unauthorized");
  }
}
