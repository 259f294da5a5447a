package dev.mark.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleDelayTest {

  private final LoginThrottle throttle = new LoginThrottle(null, 10, 100, Duration.ofMinutes(15));

  @Test
  void failuresFromEverywhereOnlyDelayLoginsProgressivelyUpToACap() {
    assertThat(throttle.delayAfter(0)).isZero();
    assertThat(throttle.delayAfter(10)).isZero();
    assertThat(throttle.delayAfter(11)).isEqualTo(LoginThrottle.DELAY_STEP);
    assertThat(throttle.delayAfter(15)).isEqualTo(LoginThrottle.DELAY_STEP.multipliedBy(5));
    assertThat(throttle.delayAfter(1_000_000)).isEqualTo(LoginThrottle.MAX_DELAY);
  }
}
