package dev.mark.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code MARK_REDIS_URL} in its Redis Sentinel form, as Lettuce reads it. */
class RedisConfigTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void aSentinelUrlListsTheSentinelsAndNamesTheMaster() {
    RedisConfig config = new RedisConfig(
        "redis-sentinel://app:s3cret@sentinel-a:26380,sentinel-b,10.0.0.3:26379/2#mymaster", TIMEOUT);

    assertThat(config.redactedUrl())
        .isEqualTo("redis-sentinel://sentinel-a:26380,sentinel-b,10.0.0.3:26379/2#mymaster");
    assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("app:");
    assertThat(new RedisConfig("redis-sentinel://127.0.0.1#m", TIMEOUT).redactedUrl())
        .isEqualTo("redis-sentinel://127.0.0.1#m");
  }

  @Test
  void whatIsAcceptedLettuceReadsTheSameWay() {
    RedisURI uri = RedisURI.create(new RedisConfig(
        "redis-sentinel://:s3cret@sentinel-a:26380,sentinel-b/2#mymaster", TIMEOUT).url());

    assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
    assertThat(uri.getDatabase()).isEqualTo(2);
    assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
        .containsExactly(
            tuple("sentinel-a", 26380),
            tuple("sentinel-b", RedisURI.DEFAULT_SENTINEL_PORT));
  }

  @Test
  void aSentinelUrlWithoutAMasterNameOrWithBadHostsFailsNamingTheVariable() {
    String[][] badAndExpected = {
        {"redis-sentinel://:pw@sentinel-a:26379", "#masterName"},
        {"redis-sentinel://:pw@sentinel-a:26379#", "#masterName"},
        {"redis-sentinel://:pw@sentinel-a:26379/#", "#masterName"},
        {"redis-sentinel://:pw@#mymaster", "host[:port]"},
        {"redis-sentinel://:pw@a,,b#mymaster", "host[:port]"},
        {"redis-sentinel://:pw@a,b:0#mymaster", "'b:0'"},
        {"redis-sentinel://:pw@a:70000#mymaster", "'a:70000'"},
        {"redis-sentinel://:pw@a:port#mymaster", "'a:port'"},
        {"redis-sentinel://:pw@[::1]:26379#mymaster", "host[:port]"},
        {"redis-sentinel://:pw@a/db#mymaster", "database number"},
        {"redis-sentinel://:pw@a?timeout=5s#mymaster", "no query"},
        {"redis-sentinel://:pw@a#my master", "master name"},
    };
    for (String[] bad : badAndExpected) {
      assertThatThrownBy(() -> new RedisConfig(bad[0], TIMEOUT))
          .as(bad[0])
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("MARK_REDIS_URL")
          .hasMessageContaining(bad[1])
          .hasMessageNotContaining("pw");
    }
  }

  @Test
  void aPasswordWithUnencodedDelimitersIsRefusedWithoutQuotingIt() {
    for (String bad : new String[] {
        "redis-sentinel://:zq#xw@a#mymaster", "redis-sentinel://:zq/xw@a#mymaster",
        "redis-sentinel://:zq?xw@a#mymaster"}) {
      assertThatThrownBy(() -> new RedisConfig(bad, TIMEOUT))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("MARK_REDIS_URL")
          .hasMessageContaining("percent-encode")
          .hasMessageNotContaining("zq")
          .hasMessageNotContaining("xw");
    }
    assertThat(new RedisConfig("redis-sentinel://:pa%23ss@a#mymaster", TIMEOUT).redactedUrl())
        .isEqualTo("redis-sentinel://a#mymaster");
  }

  @Test
  void otherSchemesAreStillRefusedAndTheMessageShowsTheSentinelForm() {
    assertThatThrownBy(() -> new RedisConfig("redis-cluster://a,b#x", TIMEOUT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_REDIS_URL")
        .hasMessageContaining("redis-sentinel://");
  }
}
