package dev.mark.analytics.narrative;

import dev.mark.analytics.Granularity;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.TimeAxis;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the narrative of a query's or an explain's answer, by catalogue version
 * {@value Catalogue#VERSION}. Stateless and thread-safe; deterministic: the same answer and
 * request always give an equal narrative, whatever the order of segments in the answer.
 */
public final class Narrator {

  /**
   * The story of a query's answer: of its first measure over time when it has a time bucket,
   * else by its first dimension's values (or the combination of its dimensions').
   */
  public Narrative forQuery(QueryOutcome outcome, QueryAsked asked) {
    QueryShape shape = QueryShape.of(outcome, asked.body());
    if (shape.time() >= 0 && outcome.time().isPresent()) {
      return forSeries(outcome, asked, shape, outcome.time().get());
    }
    List<Suggestion> suggestions = new ArrayList<>();
    if (!asked.timeColumns().isEmpty()) {
      String by = shape.dimNames().isEmpty() ? "" : " by " + String.join(" and ", shape.dimNames());
      suggestions.add(Suggestion.query("Show " + shape.voice().name() + by + " over time", asked.datasetId(),
          FollowUps.overTime(asked.body().get("measures"), shape.dimNames(), asked.timeColumns().getFirst(),
              Granularity.MONTH, null, null, shape.filters())));
    }
    if (shape.dims().isEmpty()) {
      Double value = outcome.rows().isEmpty() ? null : number(outcome.rows().getFirst().get(shape.measure()));
      String headline = shape.voice().subject() + (value == null ? " has no value." : " is " + shape.voice().value(value) + ".");
      return new Narrative(Catalogue.VERSION, headline, List.of(), suggestions);
    }
    List<Mover> segments = outcome.rows().stream()
        .filter(r -> number(r.get(shape.measure())) != null)
        .map(r -> Mover.of(elements(r, shape.dims(), outcome.columns()), number(r.get(shape.measure()))))
        .toList();
    GroupNarrator groups = new GroupNarrator(segments, String.join(" and ", shape.dimNames()), shape.additive(), shape.voice());
    return new Narrative(Catalogue.VERSION, groups.headline(), Catalogue.rank(groups.statements()), suggestions);
  }

  // the total per bucket (summed over the dimensions' values when the measure adds up), and who
  // moved it between the last two buckets
  private Narrative forSeries(QueryOutcome outcome, QueryAsked asked, QueryShape shape, TimeAxis axis) {
    List<Statement> candidates = new ArrayList<>();
    List<Point> points = List.of();
    List<Mover> lastMoves = List.of();
    if (shape.dims().isEmpty()) {
      points = outcome.rows().stream()
          .filter(r -> r.get(shape.time()) != null)
          .map(r -> new Point(start(r.get(shape.time()), axis), number(r.get(shape.measure()))))
          .sorted(Comparator.comparing(Point::start))
          .toList();
    } else if (shape.additive()) {
      points = totalsByBucket(outcome.rows(), shape.time(), shape.measure(), axis);
      lastMoves = movesBetweenLastTwo(outcome.rows(), shape, outcome.columns(), axis, points);
    } else {
      candidates.add(new Statement(StatementKind.CAVEAT,
          shape.voice().subject() + " does not add up over " + String.join(" and ", shape.dimNames())
              + ": ask without dimensions for its story over time.",
          Values.of("dimensions", shape.dimNames()), 0.5));
    }
    SeriesNarrator series = new SeriesNarrator(points, axis.granularity(), axis.zone(), shape.voice());
    candidates.addAll(series.statements());
    Optional<Point[]> lastTwo = series.lastTwo();
    if (lastTwo.isPresent() && !lastMoves.isEmpty()) {
      double change = lastTwo.get()[1].value() - lastTwo.get()[0].value();
      candidates.addAll(new Movers(lastMoves, change, shape.voice()).statements());
    }
    List<Suggestion> suggestions = new ArrayList<>();
    lastTwo.filter(p -> shape.explainable())
        .ifPresent(p -> suggestions.add(explainLastTwo(asked, shape, series, axis, p[0], p[1])));
    String headline = points.isEmpty() && !candidates.isEmpty() && candidates.getFirst().kind() == StatementKind.CAVEAT
        ? candidates.getFirst().text() : series.headline();
    return new Narrative(Catalogue.VERSION, headline, Catalogue.rank(candidates), suggestions);
  }

  // "Explain why revenue fell from May to June": the two buckets as baseline and current
  private static Suggestion explainLastTwo(QueryAsked asked, QueryShape shape, SeriesNarrator series, TimeAxis axis,
      Point prev, Point last) {
    double change = last.value() - prev.value();
    String words = change == 0 || series.lastMoveIsFlat()
        ? "Explain what moved " + shape.voice().name()
        : "Explain why " + shape.voice().name() + " " + MeasureVoice.verb(change);
    OffsetDateTime end = Buckets.next(last.start(), axis.granularity(), axis.zone());
    if (axis.to().isPresent() && axis.to().get().isBefore(end)) {
      end = axis.to().get();
    }
    return Suggestion.explain(words + " from " + series.name(prev) + " to " + series.name(last), asked.datasetId(),
        FollowUps.explain(shape.firstMeasure(), axis.column(), prev.start(),
            Buckets.next(prev.start(), axis.granularity(), axis.zone()), last.start(), end, shape.dimNames(), shape.filters()));
  }

  /**
   * The story of an explain: the change, who moved it, what offset it, how a ratio's mix and
   * rates shared it, and what cannot be said; with follow-ups that break the top causes down by
   * the next dimension and show the measure over time.
   *
   * @param request the explain's JSON body as maps, lists and scalars
   */
  public Narrative forExplain(ExplainOutcome outcome, Map<String, Object> request) {
    ExplainNarrator narrator = new ExplainNarrator(outcome);
    MeasureVoice voice = new MeasureVoice(outcome.measure().name(), outcome.measure().notes());
    List<Suggestion> suggestions = new ArrayList<>();
    if (outcome.change() != null && !narrator.isFlat()) {
      suggestions.addAll(drillDowns(outcome, narrator.causes(), voice, request));
    }
    suggestions.add(overTime(outcome, narrator.focus().map(d -> List.of(d.dimension())).orElse(List.of()), voice, request));
    return narrator.narrate(suggestions.stream().limit(Catalogue.MAX_SUGGESTIONS).toList());
  }

  // the leading cause and the largest one against the change, each split by the first
  // dimension that does not define it already
  private static List<Suggestion> drillDowns(ExplainOutcome outcome, List<Mover> causes, MeasureVoice voice,
      Map<String, Object> request) {
    List<Mover> drill = new ArrayList<>();
    new Movers(causes, outcome.change(), voice).leader().ifPresent(drill::add);
    causes.stream()
        .filter(m -> Math.signum(m.contribution()) == -Math.signum(outcome.change()))
        .max(Comparator.comparingDouble((Mover m) -> Math.abs(m.contribution())).thenComparing(Mover::name, Comparator.reverseOrder()))
        .ifPresent(drill::add);
    List<Suggestion> out = new ArrayList<>();
    for (Mover m : drill) {
      outcome.dimensions().stream().map(DimensionFigure::dimension)
          .filter(d -> !m.elements().containsKey(d))
          .findFirst()
          .ifPresent(next -> out.add(Suggestion.explain(
              "Break " + Movers.possessive(m.name()) + " " + MeasureVoice.noun(m.contribution()) + " down by " + next,
              outcome.datasetId(), FollowUps.drillDown(request, outcome.timeColumn(), m.elements(), next))));
    }
    return out;
  }

  // the measure by the focus dimension over both periods, in buckets fit for their span
  private static Suggestion overTime(ExplainOutcome outcome, List<String> dims, MeasureVoice voice,
      Map<String, Object> request) {
    OffsetDateTime from = outcome.baseline().from().isBefore(outcome.current().from()) ? outcome.baseline().from() : outcome.current().from();
    OffsetDateTime to = outcome.baseline().to().isAfter(outcome.current().to()) ? outcome.baseline().to() : outcome.current().to();
    return Suggestion.query(
        "Show " + voice.name() + (dims.isEmpty() ? "" : " by " + dims.getFirst()) + " over time",
        outcome.datasetId(),
        FollowUps.overTime(List.of(request.get("measure")), dims, outcome.timeColumn(),
            FollowUps.granularityFor(PeriodNames.days(from, to)), FollowUps.time(from), FollowUps.time(to),
            request.get("filters")));
  }


  static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static OffsetDateTime start(Object label, TimeAxis axis) {
    String text = label.toString();
    return text.length() == 10
        ? LocalDate.parse(text).atStartOfDay(axis.zone()).toOffsetDateTime()
        : OffsetDateTime.parse(text);
  }

  private static Map<String, Object> elements(List<Object> row, List<Integer> dims, List<OutputColumn> columns) {
    Map<String, Object> elements = new LinkedHashMap<>();
    dims.forEach(i -> elements.put(columns.get(i).name(), row.get(i)));
    return elements;
  }

  // keyed by instant so that one bucket is one point, in time order
  private static List<Point> totalsByBucket(List<List<Object>> rows, int time, int measure, TimeAxis axis) {
    Map<OffsetDateTime, Double> totals = new TreeMap<>();
    for (List<Object> row : rows) {
      if (row.get(time) == null) {
        continue;
      }
      OffsetDateTime start = start(row.get(time), axis);
      Double value = number(row.get(measure));
      totals.merge(start, value == null ? 0.0 : value, Double::sum);
    }
    return totals.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
  }

  private static List<Mover> movesBetweenLastTwo(List<List<Object>> rows, QueryShape shape, List<OutputColumn> columns,
      TimeAxis axis, List<Point> points) {
    int time = shape.time();
    int measure = shape.measure();
    List<Integer> dims = shape.dims();
    if (points.size() < 2) {
      return List.of();
    }
    OffsetDateTime prev = points.get(points.size() - 2).start();
    OffsetDateTime last = points.getLast().start();
    Map<String, Mover> moves = new TreeMap<>();
    for (List<Object> row : rows) {
      if (row.get(time) == null || number(row.get(measure)) == null) {
        continue;
      }
      OffsetDateTime start = start(row.get(time), axis);
      int sign = start.isEqual(last) ? 1 : start.isEqual(prev) ? -1 : 0;
      if (sign != 0) {
        Mover seg = Mover.of(elements(row, dims, columns), sign * number(row.get(measure)));
        moves.merge(seg.name() + "\u0000" + Objects.toString(seg.elements()), seg,
            (a, b) -> new Mover(a.name(), a.elements(), a.contribution() + b.contribution()));
      }
    }
    return List.copyOf(moves.values());
  }
}
