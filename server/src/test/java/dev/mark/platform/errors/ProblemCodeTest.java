package dev.mark.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.contract.ApiContract;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated {@link ProblemCode}s and the hand-written {@link ApiException} family agree: a
 * code's status is one fact, the contract's, and each status has one exception type.
 */
class ProblemCodeTest {

  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  @Test
  void everyCodeOfTheContractIsAConstantWithItsStatusAndTitle() throws IOException {
    Map<String, String> declared = new TreeMap<>();
    for (var problem : Yaml.mapper().readTree(ApiContract.load().yaml()).get("x-mark-problems")) {
      declared.put(problem.get("code").asText(),
          problem.get("status").asInt() + " " + problem.get("title").asText());
    }
    Map<String, String> generated = Arrays.stream(ProblemCode.values())
        .collect(Collectors.toMap(ProblemCode::code, c -> c.status() + " " + c.title(),
            (a, b) -> a, TreeMap::new));

    assertThat(generated).isEqualTo(declared);
  }

  @Test
  void eachStatusOfTheContractHasExactlyOneExceptionType() {
    Map<Integer, List<String>> typesByStatus = new HashMap<>();
    for (Class<?> type : ApiException.class.getPermittedSubclasses()) {
      typesByStatus.computeIfAbsent(statusOf(type), s -> new ArrayList<>()).add(type.getSimpleName());
    }
    Set<Integer> codeStatuses = Arrays.stream(ProblemCode.values())
        .filter(code -> code != ProblemCode.INTERNAL_ERROR)
        .map(ProblemCode::status)
        .collect(Collectors.toSet());

    assertThat(typesByStatus.values()).as("one type per status").allSatisfy(types -> assertThat(types).hasSize(1));
    assertThat(typesByStatus.keySet()).as("a type for every status a code has, and no type without a code")
        .isEqualTo(codeStatuses);
  }

  @Test
  void everyExceptionTypeTakesTheCodesOfItsStatusAndRefusesAllOthers() throws Throwable {
    int checked = 0;
    for (Class<?> type : ApiException.class.getPermittedSubclasses()) {
      Constructor<?> constructor = constructorTakingACode(type);
      if (constructor == null) {
        continue; // MethodNotAllowed: its one code is fixed inside it
      }
      for (ProblemCode code : ProblemCode.values()) {
        if (code.status() == statusOf(type)) {
          assertThat(((ApiException) construct(constructor, code)).code()).isEqualTo(code);
        } else {
          assertThatThrownBy(() -> construct(constructor, code))
              .as(type.getSimpleName() + " with " + code)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(code.code());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo((ApiException.class.getPermittedSubclasses().length - 1)
        * ProblemCode.values().length);
    assertThat(new MethodNotAllowed("PUT", "/v1/datasets", Set.of("GET")).code())
        .isEqualTo(ProblemCode.METHOD_NOT_ALLOWED);
  }

  /**
   * A throw site that pairs a type with a code of another status compiles, and would answer a
   * 500 when it is reached; this finds every such pairing in the sources, reached or not.
   */
  @Test
  void everyThrowSiteRaisesACodeOfItsTypesStatus() throws IOException {
    Map<String, Integer> statusByType = Arrays.stream(ApiException.class.getPermittedSubclasses())
        .collect(Collectors.toMap(Class::getSimpleName, ProblemCodeTest::statusOf));
    Pattern site = Pattern.compile("new (\\w+)\\(\\s*ProblemCode\\.(\\w+)");
    List<String> mismatches = new ArrayList<>();
    int sites = 0;
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = site.matcher(Files.readString(file));
        while (m.find()) {
          sites++;
          int codeStatus = ProblemCode.valueOf(m.group(2)).status();
          if (!statusByType.containsKey(m.group(1)) || statusByType.get(m.group(1)) != codeStatus) {
            mismatches.add(file.getFileName() + ": new " + m.group(1) + "(" + m.group(2) + ")");
          }
        }
      }
    }
    assertThat(sites).as("throw sites found").isGreaterThan(40);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyProblemExampleOfTheContractShowsItsCodesStatusAndTitle() throws IOException {
    var responses = Yaml.mapper().readTree(ApiContract.load().yaml()).at("/components/responses");
    Set<ProblemCode> shown = EnumSet.noneOf(ProblemCode.class);
    for (var response : responses) {
      var example = response.at("/content/application~1problem+json/example");
      if (example.isMissingNode()) {
        continue;
      }
      ProblemCode code = ProblemCode.valueOf(example.get("code").asText().toUpperCase());
      assertThat(example.get("title").asText()).as(code.code()).isEqualTo(code.title());
      assertThat(example.get("status").asInt()).as(code.code()).isEqualTo(code.status());
      shown.add(code);
    }
    assertThat(shown).hasSizeGreaterThan(10);
  }

  private static int statusOf(Class<?> type) {
    try {
      return type.getField("STATUS").getInt(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type.getSimpleName() + " declares no public static int STATUS", e);
    }
  }

  private static Constructor<?> constructorTakingACode(Class<?> type) {
    return Arrays.stream(type.getConstructors())
        .filter(c -> c.getParameterCount() > 0 && c.getParameterTypes()[0] == ProblemCode.class)
        .findFirst()
        .orElse(null);
  }

  private static Object construct(Constructor<?> constructor, ProblemCode code) throws Throwable {
    Object[] arguments = new Object[constructor.getParameterCount()];
    arguments[0] = code;
    for (int i = 1; i < arguments.length; i++) {
      Class<?> parameter = constructor.getParameterTypes()[i];
      arguments[i] = parameter == String.class ? "detail"
          : parameter == List.class ? List.of()
          : parameter == Map.class ? Map.of()
          : null;
    }
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
