package dev.mark.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table against the code: the same variables, with the same
 * defaults, and the code reads every variable it declares. The README is the operators' only
 * reference, so a variable added, renamed or given a new default fails here until it says so.
 */
class ConfigurationTableTest {

  private static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");

  @Test
  void theReadmeListsExactlyTheVariablesTheCodeDeclares() throws IOException {
    assertThat(table().keySet())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Variable.values()).map(Enum::name).toList());
  }

  @Test
  void theReadmeGivesEachVariableTheDefaultTheCodeUses() throws IOException {
    Map<String, String> table = table();
    for (Variable variable : Variable.values()) {
      String cell = table.get(variable.name());
      if (variable.defaultValue().isPresent()) {
        assertThat(cell).as(variable.name()).isEqualTo("`" + variable.defaultValue().get() + "`");
      } else {
        assertThat(cell).as(variable.name() + " has no default in the code").startsWith("unset");
      }
    }
  }

  @Test
  void theCodeReadsEveryVariableItDeclares() {
    // the alias is read only when DATABASE_URL is unset, and the Redis variables only with a URL
    Set<String> read = new HashSet<>();
    for (Map<String, String> environment : List.of(
        Map.of("DATABASE_URL", "jdbc:postgresql://db.internal/mark",
            "MARK_RATE_LIMIT_BACKEND", "redis", "MARK_REDIS_URL", "redis://cache.internal"),
        Map.of("MARK_DB_URL", "jdbc:postgresql://db.internal/mark"))) {
      AppConfig.fromEnvironment(recording(environment, read));
    }
    assertThat(read)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Variable.values()).map(Enum::name).toList());
  }

  /** The table under "## Configuration": variable name to the text of its default cell. */
  private static Map<String, String> table() throws IOException {
    assertThat(README).as("the README, next to the server module").exists();
    List<String> lines = Files.readAllLines(README);
    int heading = lines.indexOf("## Configuration");
    assertThat(heading).as("a '## Configuration' section").isNotNegative();
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        String name = cells[1].strip().replace("`", "");
        assertThat(rows.put(name, cells[2].strip())).as(name + " is listed once").isNull();
      }
    }
    return rows;
  }

  /** {@code environment}, noting in {@code read} each variable the code asks for. */
  private static Map<String, String> recording(Map<String, String> environment, Set<String> read) {
    return new AbstractMap<>() {
      @Override
      public String get(Object name) {
        read.add((String) name);
        return environment.get(name);
      }

      @Override
      public Set<Entry<String, String>> entrySet() {
        return environment.entrySet();
      }
    };
  }
}
