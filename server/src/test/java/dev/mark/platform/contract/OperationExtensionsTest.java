package dev.mark.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code x-mark-cost} and {@code x-mark-scope}: declared by every secured operation, read from the contract. */
class OperationExtensionsTest {

  private static String spec(String security, String extensions) {
    return """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        components:
          securitySchemes:
            ApiKeyAuth: {type: apiKey, in: header, name: X-API-Key}
        paths:
          /things:
            get:
              operationId: listThings
        """ + "      security: " + security + "\n" + extensions + """
              responses:
                '200': {description: ok}
        """;
  }

  @Test
  void aSecuredOperationCarriesItsCostAndScope() {
    ContractOperation operation = ApiContract.parse(
            spec("[{ApiKeyAuth: []}]", "      x-mark-cost: 3\n      x-mark-scope: write\n"))
        .operation("listThings").orElseThrow();

    assertThat(operation.cost()).isEqualTo(3);
    assertThat(operation.scope()).hasValue("write");
  }

  @Test
  void aSecuredOperationWithoutCostOrScopeFailsStartup() {
    assertThatThrownBy(() -> ApiContract.parse(spec("[{ApiKeyAuth: []}]", "      x-mark-scope: read\n")))
        .hasMessageContaining("listThings needs x-mark-cost");
    assertThatThrownBy(() -> ApiContract.parse(spec("[{ApiKeyAuth: []}]", "      x-mark-cost: 1\n")))
        .hasMessageContaining("listThings needs x-mark-scope");
    assertThatThrownBy(() -> ApiContract.parse(
            spec("[{ApiKeyAuth: []}]", "      x-mark-cost: 0\n      x-mark-scope: read\n")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> ApiContract.parse(
            spec("[{ApiKeyAuth: []}]", "      x-mark-cost: 1\n      x-mark-scope: admin\n")))
        .hasMessageContaining("one of [read, write, manage]");
  }

  @Test
  void aPublicOperationIsNeitherChargedNorScoped() {
    ContractOperation operation = ApiContract.parse(spec("[]", "")).operation("listThings").orElseThrow();

    assertThat(operation.cost()).isZero();
    assertThat(operation.scope()).isEmpty();
    assertThatThrownBy(() -> ApiContract.parse(spec("[]", "      x-mark-cost: 1\n")))
        .hasMessageContaining("is public");
  }
}
