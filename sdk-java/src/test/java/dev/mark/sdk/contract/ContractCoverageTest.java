package dev.mark.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.ProblemCodes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the contract the SDK is built from and checks that the client has every operation: for
 * each one, {@code client.<tag in camelCase>().<x-mark-sdk-method>(…)}, and each deprecated
 * alias, deprecated. It fails the build when an operation has no method, whatever the reason (a
 * template that skips a shape, a hand edit, a new tag).
 */
class ContractCoverageTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static JsonNode contract;

  @BeforeAll
  static void readContract() throws IOException {
    contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of(System.getProperty("mark.spec")).toFile());
  }

  @Test
  void everyOperationHasAMethodOnItsTagsResource() {
    List<String> missing = new ArrayList<>();
    for (Operation operation : operations()) {
      Method accessor = publicMethod(MarkClient.class, operation.resource());
      if (accessor == null || accessor.getParameterCount() != 0) {
        missing.add(operation + ": MarkClient has no " + operation.resource() + "()");
        continue;
      }
      Class<?> resource = accessor.getReturnType();
      if (publicMethod(resource, operation.method()) == null) {
        missing.add(operation + ": " + resource.getSimpleName() + " has no " + operation.method() + "(…)");
      }
      for (String alias : operation.aliases()) {
        Method deprecated = publicMethod(resource, alias);
        if (deprecated == null || !deprecated.isAnnotationPresent(Deprecated.class)) {
          missing.add(operation + ": " + resource.getSimpleName() + " has no deprecated " + alias + "(…)");
        }
      }
    }
    assertThat(missing).as("operations of the contract without their SDK method").isEmpty();
  }

  @Test
  void aListOperationTakesOnlyLimitAndThenTheCursor() {
    // the resources' template pages an operation whose last query parameter is the cursor, and
    // ListParams carries its limit: a list with another query parameter needs the template changed
    for (Operation operation : operations()) {
      List<JsonNode> query = operation.parameters().stream()
          .filter(p -> "query".equals(p.path("in").asText())).collect(Collectors.toList());
      boolean paged = query.stream().anyMatch(p -> p.path("x-mark-page-cursor").asBoolean());
      if (paged) {
        assertThat(query).as(operation.toString()).extracting(p -> p.path("name").asText())
            .containsExactly("limit", "cursor");
      }
    }
  }

  @Test
  void everyProblemCodeOfTheContractIsAConstant() {
    Set<String> constants = Arrays.stream(ProblemCodes.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()))
        .map(f -> {
          try {
            return (String) f.get(null);
          } catch (IllegalAccessException e) {
            throw new AssertionError(e);
          }
        })
        .collect(Collectors.toSet());
    List<String> codes = StreamSupport.stream(contract.path("x-mark-problems").spliterator(), false)
        .map(problem -> problem.path("code").asText()).collect(Collectors.toList());

    assertThat(codes).hasSizeGreaterThan(30);
    assertThat(constants).containsExactlyInAnyOrderElementsOf(codes);
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (METHODS.contains(entry.getKey())) {
        List<JsonNode> parameters = new ArrayList<>();
        path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
        entry.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
        operations.add(new Operation(entry.getValue(), parameters));
      }
    }));
    assertThat(operations).as("operations in the contract").hasSizeGreaterThan(20);
    return operations;
  }

  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return node;
    }
    JsonNode target = contract;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  private static Method publicMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElse(null);
  }

  /** One operation of the contract, with what names its SDK method. */
  private static final class Operation {
    private final JsonNode node;
    private final List<JsonNode> parameters;

    Operation(JsonNode node, List<JsonNode> parameters) {
      this.node = node;
      this.parameters = parameters;
    }

    /** The tag in camelCase: {@code api-keys} → {@code apiKeys}. */
    String resource() {
      String[] words = node.path("tags").path(0).asText().split("[-_ ]");
      StringBuilder name = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
      for (int i = 1; i < words.length; i++) {
        name.append(words[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(words[i].substring(1));
      }
      return name.toString();
    }

    String method() {
      return node.path("x-mark-sdk-method").asText();
    }

    List<String> aliases() {
      List<String> aliases = new ArrayList<>();
      node.path("x-mark-sdk-deprecated-aliases").forEach(alias -> aliases.add(alias.asText()));
      return aliases;
    }

    List<JsonNode> parameters() {
      return parameters;
    }

    @Override
    public String toString() {
      return node.path("operationId").asText();
    }
  }
}
