package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.fixtures.OrdersGenerator;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dataset deleted while it is queried and read: each reader finds the dataset and its table in
 * its own transaction, so every answer is the result or a 404, never an error about a table that
 * was dropped under it.
 */
@ExtendWith(RunningServer.Extension.class)
class DatasetDeleteRaceTest {

  private static final int ROUNDS = 8;
  private static final int READERS = 8;

  private static final List<String> QUERIES = List.of(
      """
      {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}], "dimensions": ["region"]}""",
      """
      {"measures": [{"agg": "count"}], "dimensions": ["channel"],
       "time_bucket": {"column": "ordered_at", "granularity": "day", "time_zone": "Europe/Paris", "fill": true,
                       "from": "2026-03-23T00:00:00Z", "to": "2026-04-06T00:00:00Z"},
       "limit": 50}""");

  /** What one request answered. */
  private record Answer(String request, HttpResult result) {}

  @Test
  void queriesAndRowsReadsRacingADeleteAnswer200Or404NeverAServerError(RunningServer server) throws Exception {
    TestClient client = server.newAccountClient();
    List<Answer> answers = new ArrayList<>();
    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int round = 0; round < ROUNDS; round++) {
        answers.addAll(race(client, readers));
      }
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer.result().status())
        .as(answer.request() + " answered " + answer.result().body())
        .isIn(200, 404));
    List<Answer> notFound = answers.stream().filter(a -> a.result().status() == 404).toList();
    assertThat(notFound).as("reads after each delete").hasSizeGreaterThanOrEqualTo(ROUNDS * READERS);
    assertThat(notFound).allSatisfy(answer ->
        assertThat(answer.result().json().get("code").asString()).isEqualTo("not_found"));
    assertThat(answers).filteredOn(a -> a.request().contains("/query") && a.result().status() == 200).isNotEmpty();
    assertThat(answers).filteredOn(a -> a.request().contains("/rows") && a.result().status() == 200).isNotEmpty();
  }

  /**
   * Creates a dataset, starts readers that query it and read its rows in a loop, deletes it once
   * every reader has had an answer, and returns every answer, the readers' last ones being 404s.
   */
  private static List<Answer> race(TestClient client, ExecutorService readers) throws Exception {
    String id = client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
    String path = "/v1/datasets/" + id;
    HttpResult ingested = client.postJson(path + "/rows", OrdersGenerator.json(new OrdersGenerator(7).next(2_000)));
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);

    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    CountDownLatch everyReaderAnswered = new CountDownLatch(READERS);
    List<Future<?>> running = new ArrayList<>();
    for (int reader = 0; reader < READERS; reader++) {
      int first = reader;
      running.add(readers.submit(() -> {
        boolean counted = false;
        for (int call = first; ; call++) {
          Answer answer = read(client, path, call);
          answers.add(answer);
          if (!counted) {
            everyReaderAnswered.countDown();
            counted = true;
          }
          if (answer.result().status() != 200) {
            return;
          }
        }
      }));
    }
    everyReaderAnswered.await();
    HttpResult deleted = client.delete(path);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    for (Future<?> reader : running) {
      reader.get();
    }
    return new ArrayList<>(answers);
  }

  /** One read of the dataset, taking turns: a query, a filled query, a page of rows. */
  private static Answer read(TestClient client, String path, int call) {
    return switch (call % 3) {
      case 0, 1 -> new Answer(path + "/query", client.postJson(path + "/query", QUERIES.get(call % 3)));
      default -> new Answer(path + "/rows", client.get(path + "/rows?limit=200"));
    };
  }
}
