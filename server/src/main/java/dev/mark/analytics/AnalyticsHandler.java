package dev.mark.analytics;

import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainQuery;
import dev.mark.analytics.explain.ExplainService;
import dev.mark.api.AnalyticsApi;
import dev.mark.api.model.AdtributorSettings;
import dev.mark.api.model.ExplainRequest;
import dev.mark.api.model.ExplainResult;
import dev.mark.api.model.Filter;
import dev.mark.api.model.FilterOperator;
import dev.mark.api.model.IncludePart;
import dev.mark.api.model.Measure;
import dev.mark.api.model.Order;
import dev.mark.api.model.QueryRequest;
import dev.mark.api.model.QueryResult;
import dev.mark.api.model.ResultColumn;
import dev.mark.api.model.TimeBucket;
import dev.mark.datasets.ColumnTypes;
import dev.mark.datasets.DatasetService;
import dev.mark.datasets.Favorable;
import dev.mark.platform.http.ApiCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code analytics} operations: maps the API's query and explain models to their services and back.
 * The binder has filled in the contract's defaults (limit, totals, time zone, fill, direction),
 * so none is restated here; each generated enum is mapped by an exhaustive switch, so a value
 * added to the contract does not compile until it is handled.
 */
public final class AnalyticsHandler implements AnalyticsApi {

  private final QueryService queries;
  private final ExplainService explains;
  private final QueryNarration narration;

  public AnalyticsHandler(QueryService queries, ExplainService explains, DatasetService datasets,
      ObjectMapper mapper) {
    this.queries = queries;
    this.explains = explains;
    this.narration = new QueryNarration(datasets, mapper);
  }

  @Override
  public QueryResult queryDataset(ApiCall call, String datasetId, QueryRequest request) {
    QueryOutcome outcome = queries.run(call.principal(), datasetId, toQuery(request), call.charges());
    return new QueryResult(
        outcome.columns().stream()
            .map(c -> new ResultColumn(c.name(), ColumnTypes.toModel(c.type())))
            .toList(),
        outcome.rows(),
        outcome.totals().orElse(null),
        outcome.rows().size(),
        ChartModels.forQuery(request, outcome),
        wants(request.include(), IncludePart.NARRATIVE) ? narration.forQuery(call, datasetId, outcome) : null);
  }

  @Override
  public ExplainResult explainDataset(ApiCall call, String datasetId, ExplainRequest request) {
    ExplainOutcome outcome = explains.explain(call.principal(), datasetId, toExplainQuery(request), call.charges());
    return ExplainResults.toResult(
        outcome,
        ChartModels.forExplain(request, outcome),
        wants(request.include(), IncludePart.NARRATIVE) ? narration.forExplain(call, outcome) : null);
  }

  private static ExplainQuery toExplainQuery(ExplainRequest request) {
    AdtributorSettings adtributor = request.adtributor();
    return new ExplainQuery(
        toMeasure(request.measure()),
        Optional.ofNullable(request.timeColumn()),
        new ExplainQuery.Period(request.baseline().from(), request.baseline().to()),
        new ExplainQuery.Period(request.current().from(), request.current().to()),
        ExplainResults.toCompareMode(request.compare()),
        Optional.ofNullable(request.dimensions()).map(List::copyOf),
        orEmpty(request.filters()).stream().map(AnalyticsHandler::toFilter).toList(),
        request.maxRootCauses(),
        new ExplainQuery.Adtributor(adtributor.teep(), adtributor.tep(), adtributor.maxDimensions()));
  }

  private static MetricQuery toQuery(QueryRequest request) {
    return new MetricQuery(
        request.measures().stream().map(AnalyticsHandler::toMeasure).toList(),
        orEmpty(request.dimensions()),
        Optional.ofNullable(request.timeBucket()).map(AnalyticsHandler::toBucket),
        orEmpty(request.filters()).stream().map(AnalyticsHandler::toFilter).toList(),
        orEmpty(request.order()).stream().map(AnalyticsHandler::toOrder).toList(),
        request.limit(),
        request.totals());
  }

  private static MetricQuery.Measure toMeasure(Measure measure) {
    return new MetricQuery.Measure(
        toAggregation(measure.agg()),
        Optional.ofNullable(measure.column()),
        Optional.ofNullable(measure.alias()),
        Optional.ofNullable(measure.numerator()).map(AnalyticsHandler::toMeasure),
        Optional.ofNullable(measure.denominator()).map(AnalyticsHandler::toMeasure),
        Optional.ofNullable(measure.unit()),
        Optional.ofNullable(measure.favorable()).map(AnalyticsHandler::toFavorable));
  }

  private static Favorable toFavorable(dev.mark.api.model.Favorable favorable) {
    return switch (favorable) {
      case UP -> Favorable.UP;
      case DOWN -> Favorable.DOWN;
      case NONE -> Favorable.NONE;
    };
  }

  private static Aggregation toAggregation(dev.mark.api.model.Aggregation agg) {
    return switch (agg) {
      case COUNT -> Aggregation.COUNT;
      case COUNT_DISTINCT -> Aggregation.COUNT_DISTINCT;
      case SUM -> Aggregation.SUM;
      case AVG -> Aggregation.AVG;
      case MIN -> Aggregation.MIN;
      case MAX -> Aggregation.MAX;
      case MEDIAN -> Aggregation.MEDIAN;
      case P90 -> Aggregation.P90;
      case RATIO -> Aggregation.RATIO;
    };
  }

  private static MetricQuery.Bucket toBucket(TimeBucket bucket) {
    return new MetricQuery.Bucket(
        bucket.column(),
        toGranularity(bucket.granularity()),
        bucket.timeZone(),
        Optional.ofNullable(bucket.from()),
        Optional.ofNullable(bucket.to()),
        bucket.fill());
  }

  private static Granularity toGranularity(dev.mark.api.model.Granularity granularity) {
    return switch (granularity) {
      case HOUR -> Granularity.HOUR;
      case DAY -> Granularity.DAY;
      case WEEK -> Granularity.WEEK;
      case MONTH -> Granularity.MONTH;
      case QUARTER -> Granularity.QUARTER;
      case YEAR -> Granularity.YEAR;
    };
  }

  private static MetricQuery.Filter toFilter(Filter filter) {
    return new MetricQuery.Filter(
        filter.or() == null ? null : filter.or().stream().map(AnalyticsHandler::toFilter).toList(),
        filter.column(),
        filter.op() == null ? null : toFilterOp(filter.op()),
        filter.value(),
        filter.values());
  }

  private static FilterOp toFilterOp(FilterOperator op) {
    return switch (op) {
      case EQ -> FilterOp.EQ;
      case NEQ -> FilterOp.NEQ;
      case IN -> FilterOp.IN;
      case NOT_IN -> FilterOp.NOT_IN;
      case GT -> FilterOp.GT;
      case GTE -> FilterOp.GTE;
      case LT -> FilterOp.LT;
      case LTE -> FilterOp.LTE;
      case BETWEEN -> FilterOp.BETWEEN;
      case CONTAINS -> FilterOp.CONTAINS;
      case IS_NULL -> FilterOp.IS_NULL;
    };
  }

  private static MetricQuery.Order toOrder(Order order) {
    boolean descending = switch (order.direction()) {
      case ASC -> false;
      case DESC -> true;
    };
    return new MetricQuery.Order(order.column(), descending);
  }

  private static boolean wants(Set<IncludePart> include, IncludePart part) {
    return include != null && include.contains(part);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
