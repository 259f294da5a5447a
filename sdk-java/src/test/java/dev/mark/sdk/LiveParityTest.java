package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.core.AuthenticationException;
import dev.mark.sdk.core.ListParams;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.MarkResponse;
import dev.mark.sdk.core.NotFoundException;
import dev.mark.sdk.core.Page;
import dev.mark.sdk.core.RequestOptions;
import dev.mark.sdk.core.ValidationException;
import dev.mark.sdk.model.Aggregation;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import dev.mark.sdk.model.IngestResult;
import dev.mark.sdk.model.Measure;
import dev.mark.sdk.model.Order;
import dev.mark.sdk.model.OrderDirection;
import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import dev.mark.sdk.model.ResultColumn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parity scenario, also run by the TypeScript SDK (test/live.test.ts): the core against the
 * real server, from creating a dataset to each kind of error.
 */
@ExtendWith(LiveServerExtension.class)
class LiveParityTest {
  private MarkClient mark;

  @BeforeEach
  void connect(LiveServer server) {
    mark = MarkClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
  }

  private Dataset create(String name) {
    return mark.datasets().create(new CreateDatasetRequest().name(name).columns(List.of(
        new Column().name("ordered_at").type(ColumnType.TIMESTAMP),
        new Column().name("region").type(ColumnType.STRING),
        new Column().name("revenue").type(ColumnType.NUMBER)))).data();
  }

  @Test
  void createsADatasetThatRetrieveGivesBackEqual() {
    MarkResponse<Dataset> created = mark.datasets().create(new CreateDatasetRequest().name("Orders")
        .columns(List.of(new Column().name("region").type(ColumnType.STRING))));

    assertThat(created.meta().status()).isEqualTo(201);
    assertThat(created.meta().requestId()).isNotEmpty();
    assertThat(mark.datasets().retrieve(created.data().getId()).data()).isEqualTo(created.data());
  }

  @Test
  void aPostWhoseResponseIsLostIsRetriedWithItsKeyAndWritesItsRowsOnce(LiveServer server) {
    Dataset ds = create("Retried");
    LosingHttpClient losing = new LosingHttpClient();
    MarkClient flaky = mark.newBuilder().httpClient(losing).build();
    List<Map<String, Object>> rows = List.of(
        Map.of("ordered_at", "2026-11-02T09:30:00Z", "region", "EMEA", "revenue", 129.9),
        Map.of("ordered_at", "2026-11-03T14:05:00Z", "region", "APAC", "revenue", 48));

    MarkResponse<IngestResult> result = flaky.rows().ingest(ds.getId(), rows);

    assertThat(losing.posts).hasValue(2);
    assertThat(result.meta().idempotentReplayed()).isTrue();
    assertThat(result.data().getInserted()).isEqualTo(2);
    assertThat(mark.datasets().retrieve(ds.getId()).data().getRowCount()).isEqualTo(2);
    Page<Map<String, Object>> stored = mark.rows().list(ds.getId(), ListParams.limit(1), RequestOptions.NONE);
    assertThat(stored.stream().count()).isEqualTo(2);
  }

  @Test
  void ingestsCsvAndAnswersAQuery() {
    Dataset ds = create("Query");
    String csv = "ordered_at,region,revenue\n2026-11-02T09:30:00Z,EMEA,10.5\n"
        + "2026-11-03T09:30:00Z,EMEA,4.5\n2026-11-04T09:30:00Z,APAC,1\n";
    assertThat(mark.rows().ingestCsv(ds.getId(), csv).data().getInserted()).isEqualTo(3);

    QueryResult result = mark.analytics().query(ds.getId(), new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue"), new Measure().agg(Aggregation.COUNT)))
        .dimensions(List.of("region"))
        .order(List.of(new Order().column("region").direction(OrderDirection.ASC)))).data();

    assertThat(result.getColumns()).extracting(ResultColumn::getName).containsExactly("region", "sum_revenue", "count");
    assertThat(result.getRows()).hasSize(2);
    assertThat(result.getRows().get(0).get(0)).isEqualTo("APAC");
    assertThat(new BigDecimal(String.valueOf(result.getRows().get(1).get(1)))).isEqualByComparingTo("15");
  }

  @Test
  void walksAListAcrossPages() {
    List<String> ids = List.of(create("Page 0").getId(), create("Page 1").getId(), create("Page 2").getId());

    Page<Dataset> first = mark.datasets().list(ListParams.limit(2), RequestOptions.NONE);
    assertThat(first.data()).hasSize(2);
    assertThat(first.hasNextPage()).isTrue();

    List<String> seen = first.stream().map(Dataset::getId).collect(Collectors.toList());
    assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
  }

  @Test
  void aBadApiKeyIsAnAuthenticationException() {
    MarkClient stranger = mark.newBuilder().apiKey("mk_test_not_a_real_key").build();
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> stranger.datasets().list());
    assertThat(e.status()).isEqualTo(401);
  }

  @Test
  void anUnknownDatasetIsANotFoundExceptionWithTheRequestId() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> mark.datasets().retrieve("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE"));
    assertThat(e.code()).contains("not_found");
    assertThat(e.requestId()).isNotEmpty();
  }

  @Test
  void aBadRowIsAValidationExceptionNamingItAndNothingIsWritten() {
    Dataset ds = create("Invalid");
    List<Map<String, Object>> rows = List.of(Map.of("region", "EMEA", "revenue", 1), Map.of("region", "APAC", "revenue", "12,50"));

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> mark.rows().ingest(ds.getId(), rows));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).contains("invalid_rows");
    assertThat(e.errors()).extracting(f -> f.getPointer()).containsExactly("/rows/1/revenue");
    assertThat(mark.datasets().retrieve(ds.getId()).data().getRowCount()).isZero();
  }
}
