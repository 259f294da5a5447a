package dev.mark.analytics;

import dev.mark.api.AnalyticsApi;
import dev.mark.api.model.ColumnType;
import dev.mark.api.model.Filter;
import dev.mark.api.model.Measure;
import dev.mark.api.model.Order;
import dev.mark.api.model.OrderDirection;
import dev.mark.api.model.QueryRequest;
import dev.mark.api.model.QueryResult;
import dev.mark.api.model.ResultColumn;
import dev.mark.api.model.TimeBucket;
import dev.mark.platform.http.ApiCall;
import java.util.List;
import java.util.Optional;

/** The {@code analytics} operations: maps the API's query models to the query service and back. */
public final class AnalyticsHandler implements AnalyticsApi {

  private static final int DEFAULT_LIMIT = 1000;

  private final QueryService queries;

  public AnalyticsHandler(QueryService queries) {
    this.queries = queries;
  }

  @Override
  public QueryResult queryDataset(ApiCall call, String datasetId, QueryRequest request) {
    QueryOutcome outcome = queries.run(call.principal(), datasetId, toQuery(request));
    return new QueryResult(
        outcome.columns().stream()
            .map(c -> new ResultColumn(c.name(), ColumnType.fromValue(c.type().apiName())))
            .toList(),
        outcome.rows(),
        outcome.totals().orElse(null),
        outcome.rows().size());
  }

  private static MetricQuery toQuery(QueryRequest request) {
    return new MetricQuery(
        request.measures().stream().map(AnalyticsHandler::toMeasure).toList(),
        orEmpty(request.dimensions()),
        Optional.ofNullable(request.timeBucket()).map(AnalyticsHandler::toBucket),
        orEmpty(request.filters()).stream().map(AnalyticsHandler::toFilter).toList(),
        orEmpty(request.order()).stream().map(AnalyticsHandler::toOrder).toList(),
        request.limit() == null ? DEFAULT_LIMIT : request.limit(),
        Boolean.TRUE.equals(request.totals()));
  }

  private static MetricQuery.Measure toMeasure(Measure measure) {
    return new MetricQuery.Measure(
        Aggregation.valueOf(measure.agg().value().toUpperCase()),
        Optional.ofNullable(measure.column()),
        Optional.ofNullable(measure.alias()));
  }

  private static MetricQuery.Bucket toBucket(TimeBucket bucket) {
    return new MetricQuery.Bucket(
        bucket.column(),
        Granularity.valueOf(bucket.granularity().value().toUpperCase()),
        bucket.timeZone() == null ? "UTC" : bucket.timeZone(),
        Optional.ofNullable(bucket.from()),
        Optional.ofNullable(bucket.to()),
        Boolean.TRUE.equals(bucket.fill()));
  }

  private static MetricQuery.Filter toFilter(Filter filter) {
    return new MetricQuery.Filter(
        filter.or() == null ? null : filter.or().stream().map(AnalyticsHandler::toFilter).toList(),
        filter.column(),
        filter.op() == null ? null : FilterOp.valueOf(filter.op().value().toUpperCase()),
        filter.value(),
        filter.values());
  }

  private static MetricQuery.Order toOrder(Order order) {
    return new MetricQuery.Order(order.column(), order.direction() == OrderDirection.DESC);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
