package dev.mark.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.config.ConfigException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseStackTest {

  private final List<String> closed = new ArrayList<>();

  @Test
  void closingClosesWhatWasOpenedTheLastFirstAndOnlyOnce() {
    CloseStack stack = new CloseStack();
    stack.open("the database", () -> () -> closed.add("database"));
    stack.open("the jobs", () -> () -> closed.add("jobs"));
    stack.pushThenOpen("the API", () -> closed.add("api"), () -> {});

    stack.close();
    stack.close();

    assertThat(closed).containsExactly("api", "jobs", "database");
  }

  @Test
  void aFailureToOpenNamesTheStepAndItsDeepestReasonOnOneLine() {
    CloseStack stack = new CloseStack();
    assertThatThrownBy(() -> stack.open("the metrics server on MARK_METRICS_PORT 9090", () -> {
      throw new UncheckedIOException("cannot listen", new BindException("Address already\n in use"));
    }))
        .isInstanceOf(StartupException.class)
        .hasMessage("the metrics server on MARK_METRICS_PORT 9090: Address already in use");
  }

  @Test
  void aConfigurationErrorPassesUnchangedAsItAlreadyNamesTheVariable() {
    ConfigException refused = new ConfigException("MARK_REDIS_URL: cannot use Redis at redis://h");
    assertThatThrownBy(() -> new CloseStack().open("the rate-limit store", () -> {
      throw refused;
    })).isSameAs(refused);
  }

  @Test
  void whatFailsHalfWayIsStillClosedAndAFailedCloseDoesNotStopTheOthers() {
    CloseStack stack = new CloseStack();
    stack.open("the database", () -> () -> closed.add("database"));
    stack.open("a store that fails to close", () -> () -> {
      throw new IllegalStateException("already closed");
    });
    assertThatThrownBy(() -> stack.pushThenOpen("the API", () -> closed.add("api"), () -> {
      throw new IllegalStateException("port taken");
    })).isInstanceOf(StartupException.class).hasMessage("the API: port taken");

    stack.close();

    assertThat(closed).containsExactly("api", "database");
  }
}
