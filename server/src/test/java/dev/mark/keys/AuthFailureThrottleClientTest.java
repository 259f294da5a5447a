package dev.mark.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthFailureThrottleClientTest {

  @Test
  void anIpv4AddressStandsForItself() {
    assertThat(AuthFailureThrottle.client("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void theAddressesOfOneIpv6SlashSixtyFourAreOneClient() {
    assertThat(AuthFailureThrottle.client("2001:db8:1:2::1"))
        .isEqualTo(AuthFailureThrottle.client("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
        .isNotEqualTo(AuthFailureThrottle.client("2001:db8:1:3::1"));
  }
}
