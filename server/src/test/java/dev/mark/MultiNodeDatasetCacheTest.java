package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.Cluster;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes share one PostgreSQL, each with a dataset cache of
 * {@value #TTL_MILLIS} ms: a change made through one node shows on the node that made it at once,
 * and on the other within the cache's TTL (plus one request's time).
 */
class MultiNodeDatasetCacheTest {

  private static final long TTL_MILLIS = 1_000;
  /** What a read may take beyond the TTL: the database read and HTTP on a loaded machine. */
  private static final long SLACK_MILLIS = 750;
  private static final String ORDERS = """
      {"name": "Orders", "columns": [{"name": "region", "type": "string"}]}""";

  private static Cluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = Cluster.start(2, Map.of("MARK_DATASET_CACHE_MS", Long.toString(TTL_MILLIS)));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void rowsAddedThroughOneNodeAreCountedOnTheOtherWithinTheTtl() throws Exception {
    Nodes nodes = aNewDatasetOnBothNodes();
    String path = nodes.path();
    assertThat(nodes.reader().get(path).json().get("row_count").asLong()).isZero();

    HttpResult ingested = nodes.writer().postJson(path + "/rows", "{\"rows\": [{\"region\": \"EU\"}]}");
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    long written = System.nanoTime();
    assertThat(nodes.writer().get(path).json().get("row_count").asLong()).as("at once where written").isEqualTo(1);

    awaitSeen(nodes.reader(), path, r -> r.status() == 200 && r.json().get("row_count").asLong() == 1);
    assertThat(elapsedMillis(written)).as("ms until the other node counts the row")
        .isLessThanOrEqualTo(TTL_MILLIS + SLACK_MILLIS);
  }

  @Test
  void aDatasetDeletedThroughOneNodeIsNotFoundOnTheOtherWithinTheTtl() throws Exception {
    Nodes nodes = aNewDatasetOnBothNodes();
    String path = nodes.path();
    assertThat(nodes.reader().get(path).status()).isEqualTo(200);

    assertThat(nodes.writer().delete(path).status()).isEqualTo(204);
    long deleted = System.nanoTime();
    assertThat(nodes.writer().get(path).status()).as("at once where deleted").isEqualTo(404);

    awaitSeen(nodes.reader(), path, r -> r.status() == 404);
    assertThat(elapsedMillis(deleted)).as("ms until the other node no longer finds it")
        .isLessThanOrEqualTo(TTL_MILLIS + SLACK_MILLIS);
  }

  /** One new account's clients of node 0, the writer, and node 1, the reader, and a dataset it created. */
  private record Nodes(TestClient writer, TestClient reader, String path) {}

  private static Nodes aNewDatasetOnBothNodes() {
    String apiKey = cluster.accounts().create("Cache", "test", "free").apiKey();
    TestClient writer = client(0, apiKey);
    String path = "/v1/datasets/" + writer.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    return new Nodes(writer, client(1, apiKey), path);
  }

  /** Polls {@code path} every 20 ms until {@code seen}. */
  private static void awaitSeen(TestClient client, String path, Predicate<HttpResult> seen)
      throws InterruptedException {
    long start = System.nanoTime();
    while (!seen.test(client.get(path))) {
      assertThat(elapsedMillis(start)).as("still stale after 10 s").isLessThan(10_000);
      Thread.sleep(20);
    }
  }

  private static long elapsedMillis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static TestClient client(int node, String apiKey) {
    return cluster.client(node, apiKey);
  }
}
