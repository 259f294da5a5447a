package dev.mark.platform.http;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.json.JsonValueChecks;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the numbers of a JSON body that Jackson cannot read as a {@code BigDecimal}
 * ({@code 1E+2147483648}: the exponent is beyond an int), by pointer. Only run once reading the
 * body as a tree has failed on one, which Jackson reports without a location.
 */
final class JsonNumbers {

  private static final int MAX_ISSUES = 100;

  private JsonNumbers() {}

  static List<FieldIssue> unreadable(ObjectMapper mapper, byte[] body) {
    List<FieldIssue> issues = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null && issues.size() < MAX_ISSUES;
          token = parser.nextToken()) {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          try {
            parser.getDecimalValue();
          } catch (NumberFormatException e) {
            issues.add(FieldIssue.body(parser.streamReadContext().pathAsPointer().toString(),
                JsonValueChecks.NUMBER_OUT_OF_RANGE.code(), JsonValueChecks.NUMBER_OUT_OF_RANGE.message()));
          }
        }
      }
    } catch (JacksonException e) {
      // malformed further on: the numbers found so far are reason enough
    }
    if (issues.isEmpty()) {
      issues.add(FieldIssue.body("", JsonValueChecks.NUMBER_OUT_OF_RANGE.code(),
          "holds a number that cannot be read"));
    }
    return issues;
  }
}
