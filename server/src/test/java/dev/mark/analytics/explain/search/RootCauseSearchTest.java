package dev.mark.analytics.explain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The search's answers on small shops built by hand: region × channel × device, every leaf a
 * few percent of noise, and the cause the test names.
 */
class RootCauseSearchTest {
  private static final List<String> DIMENSIONS = List.of("region", "channel", "device");
  private static final String[] REGIONS = {"EMEA", "AMER", "APAC", "LATAM", "ANZ"};
  private static final String[] CHANNELS = {"web", "app", "store", "phone", "partner"};
  private static final String[] DEVICES = {"ios", "android", "desktop", "tablet", null};

  private final RootCauseSearch search = new RootCauseSearch();

  @Test
  void aWholeRegionThatMovedIsOneCauseNotItsChildren() {
    LeafTable table = additiveShop(values -> values[0].equals("EMEA") ? 0.6 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("region", "EMEA"));
    RootCause emea = causes.getFirst();
    assertThat(emea.current() / emea.baseline()).isCloseTo(0.6, within(0.03));
    assertThat(emea.change()).isCloseTo(emea.current() - emea.baseline(), within(1e-6));
    assertThat(emea.shareOfChange()).isBetween(0.9, 1.1);
  }

  @Test
  void whenOnlyWebMovedInEmeaTheCauseIsEmeaWeb() {
    LeafTable table = additiveShop(values -> values[0].equals("EMEA") && values[1].equals("web") ? 0.5 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("region", "EMEA", "channel", "web"));
  }

  @Test
  void causesThatMovedInOppositeDirectionsAreBothFound() {
    LeafTable table = additiveShop(values -> values[1].equals("app") ? 1.5 : values[0].equals("APAC") ? 0.7 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements)
        .containsExactlyInAnyOrder(Map.of("channel", "app"), Map.of("region", "APAC"));
    assertThat(causes).anySatisfy(c -> assertThat(c.change()).isNegative());
    assertThat(causes).anySatisfy(c -> assertThat(c.change()).isPositive());
  }

  @Test
  void pureNoiseHasNoCause() {
    for (long seed = 1; seed <= 5; seed++) {
      LeafTable table = additiveShop(values -> 1.0, seed);

      assertThat(search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS)).isEmpty();
    }
  }

  @Test
  void aNullValueCanBeTheCause() {
    LeafTable table = additiveShop(values -> values[2] == null ? 1.8 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    Map<String, String> unknownDevice = new HashMap<>();
    unknownDevice.put("device", null);
    assertThat(causes).extracting(RootCause::elements).containsExactly(unknownDevice);
  }

  @Test
  void aChannelWithNoRowsInTheBaselineIsACauseAndStrayEmptyLeavesAreNot() {
    Random random = new Random(7);
    List<Leaf> leaves = new ArrayList<>();
    for (String[] values : combinations()) {
      double size = 100 * Math.exp(random.nextGaussian());
      boolean launched = values[1].equals("partner");
      boolean stray = !launched && random.nextDouble() < 0.03; // a small leaf seen in one period only
      double baseline = launched || stray ? 0 : size * noise(random);
      leaves.add(Leaf.additive(values, baseline, stray ? 3 : size * noise(random)));
    }

    List<RootCause> causes = search.find(new LeafTable(DIMENSIONS, leaves), MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("channel", "partner"));
    assertThat(causes.getFirst().baseline()).isZero();
  }

  @Test
  void aRateThatFellIsTheCauseOfARatioChangeAndItsChangeIsItsRateEffect() {
    LeafTable table = conversionShop(values -> values[1].equals("app") ? 0.5 : 1.0, values -> 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.RATIO, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("channel", "app"));
    RootCause app = causes.getFirst();
    assertThat(app.current() / app.baseline()).isCloseTo(0.5, within(0.05));
    assertThat(app.change()).isNegative();
    assertThat(app.shareOfChange()).isBetween(0.8, 1.2);
  }

  @Test
  void aSegmentWhoseTrafficAloneMovedIsACauseOfARatioChangeThroughTheMix() {
    LeafTable table = conversionShop(values -> 1.0, values -> values[0].equals("LATAM") ? 0.4 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.RATIO, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("region", "LATAM"));
    RootCause latam = causes.getFirst();
    assertThat(latam.current() / latam.baseline()).as("its own rate held").isCloseTo(1.0, within(0.05));
    assertThat(latam.change()).as("its mix effect on the total ratio").isFinite();
  }

  @Test
  void aCauseThatMovedTrafficAndRateIsOneCause() {
    LeafTable table = conversionShop(values -> values[1].equals("store") ? 0.7 : 1.0,
        values -> values[1].equals("store") ? 1.5 : 1.0);

    List<RootCause> causes = search.find(table, MeasureKind.RATIO, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("channel", "store"));
  }

  @Test
  void pureNoiseInARatioHasNoCause() {
    assertThat(search.find(conversionShop(values -> 1.0, values -> 1.0), MeasureKind.RATIO, SearchSettings.DEFAULTS))
        .isEmpty();
  }

  @Test
  void theAnswerKeepsToMaxRootCausesLargestChangeFirst() {
    LeafTable table = additiveShop(values -> switch (values[0]) {
      case "EMEA" -> 0.5;
      case "AMER" -> 1.3;
      case "APAC" -> 0.8;
      default -> 1.0;
    });

    List<RootCause> two = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS.withMaxRootCauses(2));
    List<RootCause> all = search.find(table, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(two).hasSize(2);
    assertThat(all).extracting(c -> c.elements().get("region")).containsExactlyInAnyOrder("EMEA", "AMER", "APAC");
    assertThat(all).extracting(c -> Math.abs(c.change())).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void aShiftOfEveryLeafIsNoCauseButWhatMovedBeyondItIs() {
    LeafTable everywhere = additiveShop(values -> 1.25);
    LeafTable emeaBeyond = additiveShop(values -> values[0].equals("EMEA") ? 1.25 * 0.6 : 1.25);

    assertThat(search.find(everywhere, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS)).isEmpty();
    assertThat(search.find(emeaBeyond, MeasureKind.ADDITIVE, SearchSettings.DEFAULTS))
        .extracting(RootCause::elements).containsExactly(Map.of("region", "EMEA"));
  }

  @Test
  void withManyDimensionsTheOnesThatMovedAreStillSearched() {
    Random random = new Random(3);
    List<String> dimensions = new ArrayList<>();
    for (int d = 0; d < 70; d++) {
      dimensions.add("d" + d);
    }
    List<Leaf> leaves = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String[] values = new String[70];
      for (int d = 0; d < 70; d++) {
        values[d] = "v" + random.nextInt(4);
      }
      double size = 100 * Math.exp(random.nextGaussian());
      double factor = values[9].equals("v1") && values[11].equals("v2") ? 1.6 : 1.0;
      leaves.add(Leaf.additive(values, size * noise(random), size * factor * noise(random)));
    }

    List<RootCause> causes = search.find(new LeafTable(dimensions, leaves), MeasureKind.ADDITIVE, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("d9", "v1", "d11", "v2"));
  }

  @Test
  void leavesThatAllHaveTheSameCountAreSearchedToo() {
    Random random = new Random(5);
    List<Leaf> leaves = new ArrayList<>();
    for (String[] values : combinations()) { // an average over a row a day: every count is 28
      double mean = 50 * Math.exp(random.nextGaussian());
      double factor = values[0].equals("APAC") ? 0.5 : 1.0;
      leaves.add(new Leaf(values, 28 * mean * noise(random), 28, 28 * mean * factor * noise(random), 28));
    }

    List<RootCause> causes = search.find(new LeafTable(DIMENSIONS, leaves), MeasureKind.RATIO, SearchSettings.DEFAULTS);

    assertThat(causes).extracting(RootCause::elements).containsExactly(Map.of("region", "APAC"));
  }

  @Test
  void anEmptyTableHasNoCause() {
    assertThat(search.find(new LeafTable(DIMENSIONS, List.of()), MeasureKind.ADDITIVE, SearchSettings.DEFAULTS)).isEmpty();
  }

  private static LeafTable additiveShop(Function<String[], Double> factor) {
    return additiveShop(factor, 42);
  }

  private static LeafTable additiveShop(Function<String[], Double> factor, long seed) {
    Random random = new Random(seed);
    List<Leaf> leaves = new ArrayList<>();
    for (String[] values : combinations()) {
      double size = 100 * Math.exp(random.nextGaussian());
      leaves.add(Leaf.additive(values, size * noise(random), size * factor.apply(values) * noise(random)));
    }
    return new LeafTable(DIMENSIONS, leaves);
  }

  /** Orders ÷ visits: the rate factor moves conversion, the traffic factor moves visits alone. */
  private static LeafTable conversionShop(Function<String[], Double> rateFactor, Function<String[], Double> trafficFactor) {
    Random random = new Random(42);
    List<Leaf> leaves = new ArrayList<>();
    for (String[] values : combinations()) {
      double visits = 2000 * Math.exp(random.nextGaussian());
      double rate = 0.1 * Math.exp(0.3 * random.nextGaussian());
      double currentVisits = visits * trafficFactor.apply(values) * noise(random);
      leaves.add(new Leaf(values, visits * rate * noise(random), visits,
          currentVisits * rate * rateFactor.apply(values) * noise(random), currentVisits));
    }
    return new LeafTable(DIMENSIONS, leaves);
  }

  private static double noise(Random random) {
    return 1 + 0.03 * random.nextGaussian();
  }

  private static List<String[]> combinations() {
    List<String[]> all = new ArrayList<>();
    for (String region : REGIONS) {
      for (String channel : CHANNELS) {
        for (String device : DEVICES) {
          all.add(new String[] {region, channel, device});
        }
      }
    }
    return all;
  }
}
