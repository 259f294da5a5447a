package dev.mark.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change check catches real breaks of the contract and lets additions through, and
 * the breaks on the reviewed list only.
 */
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

  @Test
  void aBreakOnTheAcceptedListPasses() throws IOException {
    String broken = removeDeleteDataset();
    AcceptedBreaks accepted = accepted("""
        breaks:
          - operation: DELETE /v1/datasets/{dataset_id}
            part: removed
            why: "a test: datasets are never deleted"
        """);

    assertThat(judge(broken, accepted).passes()).isTrue();
  }

  @Test
  void aBreakNotOnTheListFailsNamingItsOperationAndPart() throws IOException {
    AcceptedBreaks.Verdict verdict = judge(removeDeleteDataset(), AcceptedBreaks.none());

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.unaccepted()).extracting(Object::toString)
        .containsExactly("DELETE /v1/datasets/{dataset_id}: removed");
  }

  @Test
  void acceptingOnePartOfAnOperationDoesNotAcceptAnother() throws IOException {
    String broken = replaceOnce(read(), "      required: [name, columns]", "      required: [name, columns, description]");
    AcceptedBreaks accepted = accepted("""
        breaks:
          - operation: POST /v1/datasets
            part: responses
            why: "a test"
        """);

    AcceptedBreaks.Verdict verdict = judge(broken, accepted);

    assertThat(verdict.unaccepted()).extracting(Object::toString).containsExactly("POST /v1/datasets: request body");
    assertThat(verdict.stale()).extracting(Object::toString).containsExactly("POST /v1/datasets: responses");
  }

  @Test
  void anAcceptedBreakThatNoLongerOccursFails() throws IOException {
    AcceptedBreaks accepted = accepted("""
        breaks:
          - operation: DELETE /v1/datasets/{dataset_id}
            part: removed
            why: "a test"
        """);

    AcceptedBreaks.Verdict verdict = judge(read(), accepted);

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.stale()).hasSize(1);
  }

  @Test
  void anEntryWithoutAReasonIsRefused() throws IOException {
    assertThatThrownBy(() -> accepted("""
        breaks:
          - operation: DELETE /v1/datasets/{dataset_id}
            part: removed
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'why'");
  }

  @Test
  void theProjectsAcceptedBreaksMatchTheContract() {
    Path list = SPEC.resolveSibling("accepted-breaks.yaml");
    Path released = SPEC.resolveSibling("released").resolve("openapi.yaml");

    assertThat(SpecCompatibilityCheck.judge(SpecCompatibilityCheck.compare(released, SPEC),
        AcceptedBreaks.read(list)).passes()).isTrue();
  }

  private String removeDeleteDataset() throws IOException {
    return replaceOnce(read(), "    delete:\n      operationId: deleteDataset", "    x-removed:\n      operationId: deleteDataset");
  }

  private AcceptedBreaks.Verdict judge(String current, AcceptedBreaks accepted) throws IOException {
    return SpecCompatibilityCheck.judge(SpecCompatibilityCheck.compare(SPEC, copy("current.yaml", current)), accepted);
  }

  private AcceptedBreaks accepted(String yaml) throws IOException {
    return AcceptedBreaks.read(copy("accepted-breaks.yaml", yaml));
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
