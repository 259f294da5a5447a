package dev.mark.explain;

import static dev.mark.support.Problems.assertBodyIssues;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.fixtures.DatasetDefinitions;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every explain request that does not fit its dataset is a 422 naming the field; another account's dataset is a 404. */
@ExtendWith(RunningServer.Extension.class)
class ExplainValidationTest {

  private static final String PERIODS = """
      "baseline": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"},
      "current": {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}""";
  private static TestClient client;
  private static String path;

  @BeforeAll
  static void createTheDataset(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", DatasetDefinitions.ORDERS).json().get("id").asString();
    String rows = IntStream.range(0, 1_100)
        .mapToObj(i -> "{\"ordered_at\": \"2026-01-%02dT10:00:00Z\", \"region\": \"r%d\", \"quantity\": %d, \"revenue\": %d}"
            .formatted(1 + i % 28, i % 3, i, i))
        .collect(Collectors.joining(",", "{\"rows\": [", "]}"));
    assertThat(client.postJson(path + "/rows", rows).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an unknown measure column                 | {"measure": {"agg": "sum", "column": "nope"}, "time_column": "ordered_at", PERIODS} | /measure/column unknown_column
      an unknown dimension                      | {"measure": {"agg": "count"}, "time_column": "ordered_at", "dimensions": ["nope"], PERIODS} | /dimensions/0 unknown_column
      an unknown filter column                  | {"measure": {"agg": "count"}, "time_column": "ordered_at", "filters": [{"column": "nope", "op": "eq", "value": 1}], PERIODS} | /filters/0/column unknown_column
      a filter value of the wrong type          | {"measure": {"agg": "count"}, "time_column": "ordered_at", "filters": [{"column": "quantity", "op": "eq", "value": "x"}], PERIODS} | /filters/0/value type
      an unknown time column                    | {"measure": {"agg": "count"}, "time_column": "nope", PERIODS} | /time_column unknown_column
      a time column that is not a time          | {"measure": {"agg": "count"}, "time_column": "region", PERIODS} | /time_column not_a_time
      no time column with two in the dataset    | {"measure": {"agg": "count"}, PERIODS} | /time_column required
      min                                       | {"measure": {"agg": "min", "column": "revenue"}, "time_column": "ordered_at", PERIODS} | /measure/agg cannot_explain
      max                                       | {"measure": {"agg": "max", "column": "revenue"}, "time_column": "day", PERIODS} | /measure/agg cannot_explain
      a ratio of an avg                         | {"measure": {"agg": "ratio", "numerator": {"agg": "avg", "column": "revenue"}, "denominator": {"agg": "count"}}, "time_column": "ordered_at", PERIODS} | /measure/numerator/agg not_additive
      a dimension named twice                   | {"measure": {"agg": "count"}, "time_column": "ordered_at", "dimensions": ["region", "region"], PERIODS} | /dimensions/1 duplicate
      a number dimension                        | {"measure": {"agg": "count"}, "time_column": "ordered_at", "dimensions": ["revenue"], PERIODS} | /dimensions/0 not_groupable
      a dimension of more than 1,000 values     | {"measure": {"agg": "sum", "column": "revenue"}, "time_column": "ordered_at", "dimensions": ["region", "quantity"], PERIODS} | /dimensions/1 too_many_values
      an empty baseline                         | {"measure": {"agg": "count"}, "time_column": "ordered_at", "baseline": {"from": "2026-02-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, "current": {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}} | /baseline/to empty_period
      a current period that ends before it starts | {"measure": {"agg": "count"}, "time_column": "ordered_at", "baseline": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, "current": {"from": "2026-03-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}} | /current/to empty_period
      overlapping periods                       | {"measure": {"agg": "count"}, "time_column": "ordered_at", "baseline": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-15T00:00:00Z"}, "current": {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}} | /current/from overlapping_periods
      a count_distinct over too many values     | {"measure": {"agg": "count_distinct", "column": "revenue"}, "time_column": "ordered_at", "dimensions": ["quantity"], PERIODS} | /dimensions/0 too_many_values
      """)
  void aRequestThatDoesNotFitTheDatasetIsA422NamingTheField(String what, String body, String issue) {
    HttpResult refused = client.postJson(path + "/explain", body.replace("PERIODS", PERIODS));
    assertProblem(refused, 422, "invalid_explain");
    assertBodyIssues(refused.json(), issue);
  }

  @Test
  void theDefaultDimensionsAreTheStringAndBooleanColumnsOfAtMostAThousandValues() {
    HttpResult result = client.postJson(path + "/explain", """
        {"measure": {"agg": "sum", "column": "revenue"}, "time_column": "ordered_at", %s}""".formatted(PERIODS));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("dimensions")).extracting(d -> d.get("dimension").asString())
        .containsExactlyInAnyOrder("region", "returned");
  }

  @Test
  void anotherAccountsDatasetIsNotFound(RunningServer server) {
    HttpResult result = server.newAccountClient().postJson(path + "/explain", """
        {"measure": {"agg": "count"}, "time_column": "ordered_at", %s}""".formatted(PERIODS));
    assertProblem(result, 404, "not_found");
  }
}
