package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.docs.DocsRoutes;
import dev.mark.support.RunningServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Javalin serves exactly the operations of openapi.yaml, plus the documentation routes. */
@ExtendWith(RunningServer.Extension.class)
class ContractRoutesTest {

  private static final Set<String> DOCUMENTATION = Set.of(
      "GET " + DocsRoutes.YAML, "GET " + DocsRoutes.JSON, "GET " + DocsRoutes.DOCS);

  @Test
  void everyServedRouteIsAContractOperationAndEveryOperationIsServed(RunningServer server) {
    Set<String> contract = ApiContract.load().operationsByRoute().keySet();
    Set<String> served = new HashSet<>(server.app().servedRoutes());
    served.removeAll(DOCUMENTATION);

    assertThat(served).as("routes served but not in openapi.yaml")
        .isSubsetOf(contract);
    assertThat(contract).as("operations of openapi.yaml not served")
        .isSubsetOf(served);
  }

  @Test
  void theOnlyRoutesOutsideTheContractAreTheDocumentationAndNoneIsUnderV1(RunningServer server) {
    Set<String> outside = new HashSet<>(server.app().servedRoutes());
    outside.removeAll(ApiContract.load().operationsByRoute().keySet());

    assertThat(outside).as("served outside openapi.yaml").noneMatch(route -> route.contains(" /v1"));
    assertThat(outside).containsExactlyInAnyOrderElementsOf(DOCUMENTATION);
    assertThat(server.app().servedRoutes()).as("each route is served once").doesNotHaveDuplicates();
  }
}
