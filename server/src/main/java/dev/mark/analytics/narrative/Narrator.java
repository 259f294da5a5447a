package dev.mark.analytics.narrative;

import dev.mark.analytics.ColumnRole;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Writes the narrative of a query's or an explain's answer, by catalogue version
 * {@value Catalogue#VERSION}. Stateless and thread-safe; deterministic: the same answer and
 * request always give an equal narrative, whatever the order of segments in the answer.
 */
public final class Narrator {

  private static final Set<String> ADDITIVE = Set.of("sum", "count");

  /**
   * The story of a query's answer: of its first measure over time when it has a time bucket,
   * else by its first dimension's values (or the combination of its dimensions').
   */
  public Narrative forQuery(QueryOutcome outcome, QueryAsked asked) {
    List<OutputColumn> columns = outcome.columns();
    int time = indexOf(columns, ColumnRole.TIME);
    int measure = indexOf(columns, ColumnRole.MEASURE);
    List<Integer> dims = IntStream.range(0, columns.size())
        .filter(i -> columns.get(i).role() == ColumnRole.DIMENSION).boxed().toList();
    List<String> dimNames = dims.stream().map(i -> columns.get(i).name()).toList();
    OutputColumn measureColumn = columns.get(measure);
    MeasureVoice voice = new MeasureVoice(measureColumn.name(), measureColumn.notes());
    Object measures = asked.body().get("measures");
    Object firstMeasure = measures instanceof List<?> list && !list.isEmpty() ? list.getFirst() : Map.of();
    boolean additive = firstMeasure instanceof Map<?, ?> m && ADDITIVE.contains(String.valueOf(m.get("agg")));
    Object filters = asked.body().get("filters");
    String dimWords = dimNames.isEmpty() ? "" : " by " + String.join(" and ", dimNames);

    if (time >= 0 && outcome.time().isPresent()) {
      TimeAxis axis = outcome.time().get();
      List<Statement> extra = new ArrayList<>();
      List<Point> points;
      List<Mover> lastMoves = List.of();
      if (dims.isEmpty()) {
        points = outcome.rows().stream()
            .filter(r -> r.get(time) != null)
            .map(r -> new Point(start(r.get(time), axis), number(r.get(measure))))
            .sorted(Comparator.comparing(Point::start))
            .toList();
      } else if (additive) {
        points = totalsByBucket(outcome.rows(), time, measure, axis);
        lastMoves = movesBetweenLastTwo(outcome.rows(), time, measure, dims, columns, axis, points);
      } else {
        points = List.of();
        extra.add(new Statement(StatementKind.CAVEAT,
            voice.subject() + " does not add up over " + String.join(" and ", dimNames)
                + ": ask without dimensions for its story over time.",
            Values.of("dimensions", dimNames), 0.5));
      }
      SeriesNarrator series = new SeriesNarrator(points, axis.granularity(), axis.zone(), voice);
      List<Statement> candidates = new ArrayList<>(series.statements());
      candidates.addAll(extra);
      Optional<Point[]> lastTwo = series.lastTwo();
      if (lastTwo.isPresent() && !lastMoves.isEmpty()) {
        double change = lastTwo.get()[1].value() - lastTwo.get()[0].value();
        candidates.addAll(new Movers(lastMoves, change, voice).statements());
      }
      List<Suggestion> suggestions = new ArrayList<>();
      lastTwo.filter(p -> !Set.of("min", "max").contains(String.valueOf(((Map<?, ?>) firstMeasure).get("agg"))))
          .ifPresent(p -> {
            double change = p[1].value() - p[0].value();
            String words = change == 0 || series.lastMoveIsFlat()
                ? "Explain what moved " + voice.name()
                : "Explain why " + voice.name() + " " + MeasureVoice.verb(change);
            OffsetDateTime end = Buckets.next(p[1].start(), axis.granularity(), axis.zone());
            if (axis.to().isPresent() && axis.to().get().isBefore(end)) {
              end = axis.to().get();
            }
            suggestions.add(Suggestion.explain(words + " from " + series.name(p[0]) + " to " + series.name(p[1]),
                asked.datasetId(), FollowUps.explain(firstMeasure, axis.column(), p[0].start(),
                    Buckets.next(p[0].start(), axis.granularity(), axis.zone()), p[1].start(), end, dimNames, filters)));
          });
      String headline = points.isEmpty() && !extra.isEmpty() ? extra.getFirst().text() : series.headline();
      return new Narrative(Catalogue.VERSION, headline, Catalogue.rank(candidates), suggestions);
    }

    List<Suggestion> suggestions = new ArrayList<>();
    if (!asked.timeColumns().isEmpty()) {
      suggestions.add(Suggestion.query("Show " + voice.name() + dimWords + " over time", asked.datasetId(),
          FollowUps.overTime(measures, dimNames, asked.timeColumns().getFirst(), Granularity.MONTH, null, null, filters)));
    }
    if (dims.isEmpty()) {
      Double value = outcome.rows().isEmpty() ? null : number(outcome.rows().getFirst().get(measure));
      String headline = value == null ? voice.subject() + " has no value." : voice.subject() + " is " + voice.value(value) + ".";
      return new Narrative(Catalogue.VERSION, headline, List.of(), suggestions);
    }
    List<Mover> segments = outcome.rows().stream()
        .filter(r -> number(r.get(measure)) != null)
        .map(r -> Mover.of(elements(r, dims, columns), number(r.get(measure))))
        .toList();
    GroupNarrator groups = new GroupNarrator(segments, String.join(" and ", dimNames), additive, voice);
    return new Narrative(Catalogue.VERSION, groups.headline(), Catalogue.rank(groups.statements()), suggestions);
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
      Movers movers = new Movers(narrator.causes(), outcome.change(), voice);
      List<Mover> drill = new ArrayList<>();
      movers.leader().ifPresent(drill::add);
      narrator.causes().stream()
          .filter(m -> Math.signum(m.contribution()) == -Math.signum(outcome.change()))
          .max(Comparator.comparingDouble((Mover m) -> Math.abs(m.contribution())).thenComparing(Mover::name, Comparator.reverseOrder()))
          .ifPresent(drill::add);
      for (Mover m : drill) {
        outcome.dimensions().stream().map(DimensionFigure::dimension)
            .filter(d -> !m.elements().containsKey(d))
            .findFirst()
            .ifPresent(next -> suggestions.add(Suggestion.explain(
                "Break " + Movers.possessive(m.name()) + " " + MeasureVoice.noun(m.contribution()) + " down by " + next,
                outcome.datasetId(), FollowUps.drillDown(request, outcome.timeColumn(), m.elements(), next))));
      }
    }
    List<String> dims = narrator.focus().map(d -> List.of(d.dimension())).orElse(List.of());
    OffsetDateTime from = outcome.baseline().from().isBefore(outcome.current().from()) ? outcome.baseline().from() : outcome.current().from();
    OffsetDateTime to = outcome.baseline().to().isAfter(outcome.current().to()) ? outcome.baseline().to() : outcome.current().to();
    suggestions.add(Suggestion.query(
        "Show " + voice.name() + (dims.isEmpty() ? "" : " by " + dims.getFirst()) + " over time",
        outcome.datasetId(),
        FollowUps.overTime(List.of(request.get("measure")), dims, outcome.timeColumn(),
            FollowUps.granularityFor(PeriodNames.days(from, to)), FollowUps.time(from), FollowUps.time(to),
            request.get("filters"))));
    return narrator.narrate(suggestions.stream().limit(Catalogue.MAX_SUGGESTIONS).toList());
  }

  private static int indexOf(List<OutputColumn> columns, ColumnRole role) {
    return IntStream.range(0, columns.size()).filter(i -> columns.get(i).role() == role).findFirst().orElse(-1);
  }

  private static Double number(Object value) {
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

  private static List<Mover> movesBetweenLastTwo(List<List<Object>> rows, int time, int measure, List<Integer> dims,
      List<OutputColumn> columns, TimeAxis axis, List<Point> points) {
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
