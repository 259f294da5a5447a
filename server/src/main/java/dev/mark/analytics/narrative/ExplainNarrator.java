package dev.mark.analytics.narrative;

import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements and headline of an explain. */
final class ExplainNarrator {

  private final ExplainOutcome outcome;
  private final MeasureVoice voice;
  private final String baselineName;
  private final String currentName;

  ExplainNarrator(ExplainOutcome outcome) {
    this.outcome = outcome;
    this.voice = new MeasureVoice(outcome.measure().name(), outcome.measure().notes());
    boolean withYear = !PeriodNames.sameYear(outcome.baseline().from(), outcome.current().from());
    this.baselineName = PeriodNames.period(outcome.baseline().from(), outcome.baseline().to(), withYear);
    this.currentName = PeriodNames.period(outcome.current().from(), outcome.current().to(), withYear);
  }

  /** The dimension the statements about segments are drawn from: the first selected, else the first. */
  Optional<DimensionFigure> focus() {
    return outcome.dimensions().stream().filter(DimensionFigure::selected).findFirst()
        .or(() -> outcome.dimensions().stream().findFirst());
  }

  /** The causes: the root causes when there are any, else the focus dimension's segments. */
  List<Mover> causes() {
    if (!outcome.rootCauses().isEmpty()) {
      return outcome.rootCauses().stream()
          .filter(c -> c.change() != null)
          .map(c -> Mover.of(c.elements(), c.change()))
          .toList();
    }
    return focus().map(d -> d.segments().stream()
        .map(s -> Mover.of(elements(d.dimension(), s.value()), s.contribution()))
        .toList()).orElse(List.of());
  }

  boolean isFlat() {
    Double change = outcome.change();
    Double pct = outcome.changePct();
    return change != null && (change == 0 || (pct != null && Math.abs(pct) < Catalogue.FLAT_PCT));
  }

  Narrative narrate(List<Suggestion> suggestions) {
    List<Statement> candidates = new ArrayList<>(caveats());
    Double change = outcome.change();
    if (change != null) {
      candidates.add(isFlat() ? flat() : periodChange());
      if (!isFlat()) {
        candidates.addAll(new Movers(causes(), change, voice).statements());
        focus().ifPresent(d -> {
          mixShift(d).ifPresent(candidates::add);
          concentration(d).ifPresent(candidates::add);
          outlier(d).ifPresent(candidates::add);
        });
      }
    }
    return new Narrative(Catalogue.VERSION, headline(), Catalogue.rank(candidates), suggestions);
  }

  private String headline() {
    Double change = outcome.change();
    if (change == null) {
      return caveats().stream().findFirst().map(Statement::text)
          .orElse(voice.subject() + " cannot be compared between " + baselineName + " and " + currentName + ".");
    }
    if (isFlat()) {
      return voice.subject() + " held steady from " + baselineName + " to " + currentName
          + " (" + Figures.signedPercent(outcome.changePct() == null ? 0 : outcome.changePct()) + ").";
    }
    String size = outcome.changePct() == null
        ? " by " + voice.amount(change)
        : " " + Figures.percentMagnitude(Math.abs(outcome.changePct())) + " % (" + voice.change(change) + ")";
    String where = new Movers(causes(), change, voice).leader()
        .map(m -> Math.abs(m.contribution() / change) >= 0.5 ? ", mostly in " + m.name() : ", led by " + m.name())
        .orElse("");
    return voice.subject() + " " + MeasureVoice.verb(change) + size + " from " + baselineName + " to "
        + currentName + where + judgement(change) + ".";
  }

  private String judgement(double change) {
    return voice.judgement(change).map(j -> ", " + j).orElse("");
  }

  private Statement periodChange() {
    double change = outcome.change();
    Double pct = outcome.changePct();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("baseline", outcome.baseline().value());
    values.put("current", outcome.current().value());
    values.put("change", change);
    values.put("change_pct", pct);
    String text = voice.subject() + " " + MeasureVoice.verb(change) + " from " + voice.value(outcome.baseline().value())
        + " in " + baselineName + " to " + voice.value(outcome.current().value()) + " in " + currentName
        + (pct == null ? "" : " (" + Figures.signedPercent(pct) + ")") + judgement(change) + ".";
    double importance = pct == null ? 0.8 : 0.6 + 0.4 * Math.min(1, Math.abs(pct) / 10);
    return new Statement(StatementKind.PERIOD_CHANGE, text, values, Catalogue.importance(importance));
  }

  private Statement flat() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("baseline", outcome.baseline().value());
    values.put("current", outcome.current().value());
    values.put("change", outcome.change());
    values.put("change_pct", outcome.changePct());
    values.put("threshold_pct", Catalogue.FLAT_PCT);
    String text = voice.subject() + " held steady: " + voice.value(outcome.baseline().value()) + " in " + baselineName
        + " and " + voice.value(outcome.current().value()) + " in " + currentName + ", a change within "
        + Figures.percent(Catalogue.FLAT_PCT) + ".";
    return new Statement(StatementKind.FLAT, text, values, 0.9);
  }

  private List<Statement> caveats() {
    List<Statement> out = new ArrayList<>();
    for (var period : List.of(outcome.baseline(), outcome.current())) {
      String name = period == outcome.baseline() ? baselineName : currentName;
      if (period.rows() == 0) {
        out.add(caveat("There are no rows in " + name + ", so " + voice.name() + " there is "
            + (period.value() == null ? "undefined." : voice.value(period.value()) + " by default."),
            Values.of("period", name, "rows", 0L), 0.75));
      } else if (period.value() == null) {
        out.add(caveat(voice.subject() + " has no value in " + name + ", so no change can be computed.",
            Values.of("period", name), 0.75));
      }
    }
    Double baseline = outcome.baseline().value();
    if (outcome.change() != null && outcome.changePct() == null && outcome.change() != 0) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("baseline", baseline);
      values.put("change", outcome.change());
      values.put("change_pct", null);
      out.add(caveat(voice.subject() + " was " + voice.value(baseline == null ? 0 : baseline) + " in " + baselineName
          + ", so its change cannot be put as a percentage.", values, 0.75));
    }
    if (!outcome.additive() && outcome.change() != null && outcome.change() != 0) {
      focus().filter(d -> Math.abs(d.residual()) > 1e-9 * Math.abs(outcome.change())).ifPresent(d -> {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dimension", d.dimension());
        values.put("residual", d.residual());
        out.add(caveat("The contributions by " + d.dimension() + " are leave-one-out effects that do not add up: "
            + voice.change(d.residual()) + " of the change is left unassigned.",
            values, 0.5 * Math.min(1, Math.abs(d.residual() / outcome.change()))));
      });
    }
    return out;
  }

  private static Statement caveat(String text, Map<String, Object> values, double importance) {
    return new Statement(StatementKind.CAVEAT, text, values, Catalogue.importance(importance));
  }

  private Optional<Statement> mixShift(DimensionFigure d) {
    double mix = 0;
    double rate = 0;
    for (SegmentFigure s : d.segments()) {
      if (s.mix() == null || s.rate() == null) {
        return Optional.empty();
      }
      mix += s.mix();
      rate += s.rate();
    }
    if (mix == 0 && rate == 0) {
      return Optional.empty();
    }
    double mixPart = Math.abs(mix) / (Math.abs(mix) + Math.abs(rate));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("dimension", d.dimension());
    values.put("mix", mix);
    values.put("rate", rate);
    String driver = mixPart >= 0.5 ? "The mix" : "Rates";
    String text = driver + " drove most of the change in " + voice.name() + ": the shift in mix by " + d.dimension()
        + " accounts for " + voice.change(mix) + ", the rates within each " + d.dimension() + " for "
        + voice.change(rate) + ".";
    return Optional.of(new Statement(StatementKind.MIX_SHIFT, text, values, Catalogue.importance(0.5 + 0.4 * mixPart)));
  }

  private Optional<Statement> concentration(DimensionFigure d) {
    double[] shares = d.segments().stream().mapToDouble(SegmentFigure::shareCurrent).toArray();
    return Shares.concentration(shares, d.dimension(), voice.name() + " in " + currentName);
  }

  private Optional<Statement> outlier(DimensionFigure d) {
    List<Mover> segments = d.segments().stream()
        .filter(s -> s.change() != null)
        .map(s -> Mover.of(elements(d.dimension(), s.value()), s.change()))
        .toList();
    return Shares.outlier(segments, d.dimension(), "change", voice::change);
  }

  static Map<String, Object> elements(String dimension, Object value) {
    Map<String, Object> elements = new LinkedHashMap<>();
    elements.put(dimension, value);
    return elements;
  }
}
