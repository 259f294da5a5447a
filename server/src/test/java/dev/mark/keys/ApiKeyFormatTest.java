package dev.mark.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

  private final ApiKeyFormat format = new ApiKeyFormat();

  @Test
  void aGeneratedKeyCarriesItsEnvironmentAndAValidChecksum() {
    String key = format.generate("live");
    assertThat(key).matches("mk_live_[0-9A-Za-z]{38}");
    assertThat(ApiKeyFormat.environmentOf(key)).contains("live");
    assertThat(ApiKeyFormat.environmentOf(format.generate("test"))).contains("test");
  }

  @Test
  void anySingleTypoIsCaughtByTheChecksum() {
    String key = format.generate("test");
    for (int i = "mk_test_".length(); i < key.length(); i++) {
      char original = key.charAt(i);
      char typo = original == 'x' ? 'y' : 'x';
      String mistyped = key.substring(0, i) + typo + key.substring(i + 1);
      assertThat(ApiKeyFormat.environmentOf(mistyped)).as(mistyped).isEmpty();
    }
  }

  @Test
  void malformedKeysAreRefused() {
    String key = format.generate("test");
    assertThat(ApiKeyFormat.environmentOf(null)).isEmpty();
    assertThat(ApiKeyFormat.environmentOf("")).isEmpty();
    assertThat(ApiKeyFormat.environmentOf(key.substring(0, key.length() - 1))).isEmpty();
    assertThat(ApiKeyFormat.environmentOf(key + "A")).isEmpty();
    assertThat(ApiKeyFormat.environmentOf(key.replace("mk_test_", "mk_prod_"))).isEmpty();
    assertThat(ApiKeyFormat.environmentOf(" " + key)).isEmpty();
  }

  @Test
  void theHintShowsOnlyTheStart() {
    String key = format.generate("test");
    assertThat(ApiKeyFormat.hint(key)).hasSize(13).startsWith("mk_test_");
  }
}
