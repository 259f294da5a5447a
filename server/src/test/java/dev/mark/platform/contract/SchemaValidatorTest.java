package dev.mark.platform.contract;

import static dev.mark.platform.contract.ThingsContract.BODY;
import static dev.mark.platform.contract.ThingsContract.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.errors.FieldIssue;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every constraint keyword of OpenAPI 3.0 that a contract may state is enforced. */
class SchemaValidatorTest {

  private final SchemaValidator validator = new SchemaValidator(ThingsContract.withSchemas("""
      Thing:
        type: object
        additionalProperties: false
        required: [name]
        properties:
          name: {type: string, minLength: 2, maxLength: 5, pattern: '^[a-z]+$'}
          at: {type: string, format: date-time}
          day: {type: string, format: date}
          size: {type: integer, minimum: 1, maximum: 9}
          ratio: {type: number}
          note: {type: string, nullable: true}
          kind: {type: string, enum: [a, b]}
          tags: {type: array, maxItems: 2, items: {type: string}}
      """));

  @Test
  void aValidValueHasNoIssues() {
    assertThat(issues("""
        {"name": "abc", "at": "2026-11-22T09:30:00Z", "day": "2026-11-22", "size": 3,
         "ratio": 0.5, "note": null, "kind": "a", "tags": ["x"]}""")).isEmpty();
  }

  @Test
  void everyBrokenConstraintIsReportedWithItsPointer() {
    List<FieldIssue> issues = issues("""
        {"name": "ABCDEFG", "at": "yesterday", "day": "22/11/2026", "size": 10, "ratio": "half",
         "kind": "c", "tags": ["x", "y", "z"], "extra": true}""");
    assertThat(issues).extracting(i -> i.pointer() + " " + i.code()).contains(
        "/name max_length",
        "/name pattern",
        "/at format",
        "/day format",
        "/size maximum",
        "/ratio type",
        "/kind enum",
        "/tags max_items",
        "/extra unknown_property");
  }

  @Test
  void aNumberBeyond64BitsAgainstAnIntegerBoundIsAnIssueNotACrash() {
    assertThat(issues("{\"name\": \"abc\", \"size\": 1.0E308}"))
        .extracting(i -> i.pointer() + " " + i.code())
        .containsExactly("/size maximum");
  }

  @Test
  void nullIsRefusedUnlessTheSchemaIsNullable() {
    assertThat(issues("{\"name\": null}")).extracting(FieldIssue::pointer).containsExactly("/name");
    assertThat(issues("{\"name\": \"ab\", \"note\": null}")).isEmpty();
  }

  @Test
  void aMissingRequiredPropertyIsNamedByItsOwnPointer() {
    assertThat(issues("{}")).extracting(i -> i.pointer() + " " + i.code()).containsExactly("/name required");
  }

  private List<FieldIssue> issues(String json) {
    JsonNode value = JSON.readTree(json);
    return validator.validate(BODY, value, FieldIssue.Location.BODY, "");
  }
}
