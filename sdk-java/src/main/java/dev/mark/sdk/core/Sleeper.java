package dev.mark.sdk.core;

import java.time.Duration;

/** How the retry loop waits; unit tests record the waits instead. */
@FunctionalInterface
interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;
}
