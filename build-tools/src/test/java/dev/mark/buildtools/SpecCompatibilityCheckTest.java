package dev.mark.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaking-change check catches real breaks of the contract and lets additions through. */
class SpecCompatibilityCheckTest {

  private static final Path SPEC = Path.of(System.getProperty("mark.spec", "../openapi/openapi.yaml"));

  @TempDir
  Path dir;

  @Test
  void theContractIsCompatibleWithItself() throws IOException {
    assertThat(SpecCompatibilityCheck.compare(SPEC, copy("same.yaml", read())).isIncompatible())
        .isFalse();
  }

  @Test
  void removingAnOperationIsABreakingChange() throws IOException {
    String broken = replaceOnce(read(), "    delete:\n      operationId: deleteDataset", "    x-removed:\n      operationId: deleteDataset");
    assertThat(SpecCompatibilityCheck.compare(SPEC, copy("removed.yaml", broken)).isIncompatible())
        .isTrue();
  }

  @Test
  void makingARequestFieldRequiredIsABreakingChange() throws IOException {
    String broken = replaceOnce(read(), "      required: [name, columns]", "      required: [name, columns, description]");
    assertThat(SpecCompatibilityCheck.compare(SPEC, copy("required.yaml", broken)).isIncompatible())
        .isTrue();
  }

  @Test
  void addingAnOptionalRequestFieldIsNotABreakingChange() throws IOException {
    String added = replaceOnce(read(), "        description:\n          type: string\n          maxLength: 2000",
        "        description:\n          type: string\n          maxLength: 2000\n        tags:\n          type: string");
    assertThat(SpecCompatibilityCheck.compare(SPEC, copy("added.yaml", added)).isIncompatible())
        .isFalse();
  }

  private String read() throws IOException {
    return Files.readString(SPEC);
  }

  private Path copy(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String replaceOnce(String text, String target, String replacement) {
    assertThat(text).as("the contract still contains the text this test changes").contains(target);
    return text.replaceFirst(java.util.regex.Pattern.quote(target),
        java.util.regex.Matcher.quoteReplacement(replacement));
  }
}
