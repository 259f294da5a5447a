package dev.mark.datasets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.Unprocessable;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CSV bodies (RFC 4180) read into COPY text: the header, quoting, line endings and byte order
 * mark, and each way a body can fail to fit the dataset, reported with its pointer and CSV line.
 */
class CsvRowsTest {

  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("name", ValueType.STRING, false),
      new ColumnSpec("qty", ValueType.INTEGER, false),
      new ColumnSpec("on", ValueType.DATE, false));

  private final StringBuilder copied = new StringBuilder();

  @Test
  void eachRowBecomesOneLineOfCopyTextInTheDatasetsColumnOrder() {
    int rows = copy("name,qty,on\nPens,3,2026-11-22\nInk,12,2026-11-23\n");

    assertThat(rows).isEqualTo(2);
    assertThat(copied).hasToString("Pens\t3\t2026-11-22\nInk\t12\t2026-11-23\n");
  }

  static Stream<Arguments> bodiesAndTheirCopyText() {
    return Stream.of(
        argumentSet("the header may name the columns in any order and leave some out",
            "on,name\n2026-11-22,Pens\n", "Pens\t\\N\t2026-11-22\n"),
        argumentSet("spaces around header names are ignored",
            " name , qty\nPens,3\n", "Pens\t3\t\\N\n"),
        argumentSet("an empty field, quoted or not, is null",
            "name,qty\n,\n\"\",\"\"\n", "\\N\t\\N\t\\N\n\\N\t\\N\t\\N\n"),
        argumentSet("a quoted field keeps its commas, doubled quotes and line breaks",
            "name,qty\n\"Pens, \"\"blue\"\"\nand red\",3\n", "Pens, \"blue\"\\nand red\t3\t\\N\n"),
        argumentSet("CRLF line endings read like LF",
            "name,qty\r\nPens,3\r\nInk,4\r\n", "Pens\t3\t\\N\nInk\t4\t\\N\n"),
        argumentSet("a carriage return inside quotes is kept escaped",
            "name\r\n\"a\rb\"\r\n", "a\\rb\t\\N\t\\N\n"),
        argumentSet("a byte order mark before the header is not part of the first name",
            "\uFEFFname,qty\nPens,3\n", "Pens\t3\t\\N\n"),
        argumentSet("blank lines are skipped and a last line without a newline is a row",
            "name,qty\n\nPens,3\n\nInk,4", "Pens\t3\t\\N\nInk\t4\t\\N\n"));
  }

  @ParameterizedTest
  @MethodSource("bodiesAndTheirCopyText")
  void aBodyIsReadAsRfc4180IntoCopyText(String csv, String copyText) {
    copy(csv);

    assertThat(copied).hasToString(copyText);
  }

  @Test
  void aHeaderWithNoRowsAddsNothing() {
    assertThat(copy("name,qty\n")).isZero();
    assertThat(copied).isEmpty();
  }

  @Test
  void anEmptyBodyHasNoHeaderRow() {
    assertThat(refused("")).singleElement().satisfies(issue -> assertIssue(issue, "/header", "required"));
  }

  @Test
  void everyHeaderProblemIsReportedAtOnce() {
    List<ColumnSpec> columns = List.of(
        new ColumnSpec("name", ValueType.STRING, true),
        new ColumnSpec("qty", ValueType.INTEGER, false));

    assertThatThrownBy(() -> CsvRows.copy(columns, new ByteArrayInputStream("qty,colour,qty\n1,red,2\n".getBytes(UTF_8)), 10, copied::append))
        .isInstanceOfSatisfying(Unprocessable.class, e -> assertThat(e.issues()).satisfiesExactlyInAnyOrder(
            issue -> assertIssue(issue, "/header/1", "unknown_column"),
            issue -> assertIssue(issue, "/header/2", "duplicate"),
            issue -> assertIssue(issue, "/header", "required")));
    assertThat(copied).isEmpty();
  }

  @Test
  void aRowWithMoreOrFewerFieldsThanTheHeaderIsRefusedWithItsCsvLine() {
    List<FieldIssue> issues = refused("name,qty\nPens,3\nInk\nPaper,1,extra\n");

    assertThat(issues).satisfiesExactly(
        issue -> {
          assertIssue(issue, "/rows/1", "field_count");
          assertThat(issue.message()).isEqualTo("has 1 fields, the header 2 (CSV line 3)");
        },
        issue -> {
          assertIssue(issue, "/rows/2", "field_count");
          assertThat(issue.message()).contains("CSV line 4");
        });
  }

  @Test
  void anInvalidValueIsNamedByRowAndColumnWithTheLineItStartsOnCountingQuotedLineBreaks() {
    List<FieldIssue> issues = refused("name,qty\n\"two\nlines\",1\nPens,three\n");

    assertThat(issues).singleElement().satisfies(issue -> {
      assertIssue(issue, "/rows/1/qty", "type");
      assertThat(issue.message()).endsWith("(CSV line 4)");
    });
  }

  @Test
  void aNulCharacterInAFieldIsRefused() {
    assertThat(refused("name\na\0b\n")).singleElement()
        .satisfies(issue -> assertIssue(issue, "/rows/0/name", "invalid_character"));
  }

  @Test
  void aMissingRequiredValueIsRefused() {
    List<ColumnSpec> columns = List.of(new ColumnSpec("name", ValueType.STRING, true));

    assertThatThrownBy(() -> CsvRows.copy(columns, new ByteArrayInputStream("name\nPens\n\"\"\n".getBytes(UTF_8)), 10, copied::append))
        .isInstanceOfSatisfying(Unprocessable.class, e -> assertThat(e.issues()).singleElement()
            .satisfies(issue -> assertIssue(issue, "/rows/1/name", "required")));
  }

  @Test
  void noRowIsCopiedWhenAnyRowIsInvalid() {
    refused("name,qty\nPens,3\nInk,x\nPaper,5\n");

    assertThat(copied).isEmpty();
  }

  @Test
  void oneRowMoreThanTheLimitIsTooLarge() {
    assertThat(CsvRows.copy(COLUMNS, new ByteArrayInputStream("name\na\nb\n".getBytes(UTF_8)), 2, copied::append)).isEqualTo(2);
    assertThatThrownBy(() -> CsvRows.copy(COLUMNS, new ByteArrayInputStream("name\na\nb\nc\n".getBytes(UTF_8)), 2, copied::append))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessage("One request may add at most 2 rows.");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedByRowWithTheirLineAndColumnNotStoredAsReplacementCharacters() {
    byte[] csv = bytes("name,qty\nPens,3\nIn", 0xFF, "k,4\nPaper,5\n");

    Unprocessable refusal = (Unprocessable) catchThrowable(() -> copyBytes(csv));

    assertThat(refusal).isNotNull();
    assertThat(refusal.issues()).singleElement().satisfies(issue -> {
      assertIssue(issue, "/rows/1", "malformed_utf8");
      assertThat(issue.message()).isEqualTo("is not UTF-8 (CSV line 3, column 3)");
    });
    assertThat(copied.toString()).doesNotContain("\uFFFD");
  }

  @Test
  void aBadByteFarIntoTheBodyIsNamedByItsOwnRowThoughTheReaderReadsAhead() {
    StringBuilder head = new StringBuilder("name,qty\n");
    for (int i = 0; i < 5_000; i++) {
      head.append("Pens,").append(i).append('\n');
    }
    // an overlong form of '/': well formed to a lenient decoder, refused by RFC 3629
    byte[] csv = bytes(head + "Ink,", 0xC0, 0xAF, "\nPaper,1\n");

    Unprocessable refusal = (Unprocessable) catchThrowable(() -> copyBytes(csv));

    assertThat(refusal.issues()).singleElement().satisfies(issue -> {
      assertIssue(issue, "/rows/5000", "malformed_utf8");
      assertThat(issue.message()).isEqualTo("is not UTF-8 (CSV line 5002, column 5)");
    });
  }

  @Test
  void aBadByteInTheHeaderIsNamedAsTheHeaders() {
    Unprocessable refusal = (Unprocessable) catchThrowable(() -> copyBytes(bytes("na", 0xE9, "me\nPens\n")));

    assertThat(refusal.issues()).singleElement().satisfies(issue -> assertIssue(issue, "/header", "malformed_utf8"));
  }

  @Test
  void aCharacterCutShortAtTheEndOfTheBodyIsRefused() {
    Unprocessable refusal = (Unprocessable) catchThrowable(() -> copyBytes(bytes("name\nPens\nIn", 0xE2, 0x82)));

    assertThat(refusal.issues()).singleElement().satisfies(issue -> assertIssue(issue, "/rows/1", "malformed_utf8"));
  }

  /** Text and single bytes (ints), in order, as one body. */
  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(part.toString().getBytes(UTF_8));
      }
    }
    return out.toByteArray();
  }

  private int copyBytes(byte[] csv) {
    return CsvRows.copy(COLUMNS, new ByteArrayInputStream(csv), 10_000, copied::append);
  }

  private int copy(String csv) {
    return CsvRows.copy(COLUMNS, new ByteArrayInputStream(csv.getBytes(UTF_8)), 100, copied::append);
  }

  private List<FieldIssue> refused(String csv) {
    Unprocessable refusal = (Unprocessable) catchThrowable(() -> copy(csv));
    assertThat(refusal).as("refused: " + csv).isNotNull();
    return refusal.issues();
  }

  private static void assertIssue(FieldIssue issue, String pointer, String code) {
    assertThat(issue.location()).isEqualTo(FieldIssue.Location.BODY);
    assertThat(issue.pointer()).isEqualTo(pointer);
    assertThat(issue.code()).isEqualTo(code);
    assertThat(issue.message()).isNotBlank();
  }
}
