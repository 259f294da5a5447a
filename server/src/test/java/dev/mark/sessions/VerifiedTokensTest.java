package dev.mark.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which presentations of a token reach the full verification, and which are remembered. */
class VerifiedTokensTest {

  private static final SessionClaims CLAIMS = new SessionClaims("usr_1", "acc_1", "free", "ses_1",
      "key_t", "key_l", Optional.empty());

  private final MovableClock clock = new MovableClock();
  private final VerifiedTokens tokens = new VerifiedTokens(100, clock);
  private final List<String> verifiedInFull = new ArrayList<>();

  @Test
  void aTokenIsVerifiedInFullOnceThenRemembered() {
    Function<String, VerifiedTokens.Verified> verifier = expiringIn(Duration.ofMinutes(15));

    assertThat(tokens.claimsOf("token-a", verifier)).isEqualTo(CLAIMS);
    assertThat(tokens.claimsOf("token-a", verifier)).isEqualTo(CLAIMS);
    assertThat(tokens.claimsOf("token-b", verifier)).isEqualTo(CLAIMS);

    assertThat(verifiedInFull).containsExactly("token-a", "token-b");
  }

  @Test
  void aRememberedTokenIsVerifiedInFullAgainFromItsExpiry() {
    Function<String, VerifiedTokens.Verified> verifier = expiringIn(Duration.ofMinutes(15));
    tokens.claimsOf("token", verifier);

    clock.advance(Duration.ofMinutes(14));
    tokens.claimsOf("token", verifier);
    assertThat(verifiedInFull).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    tokens.claimsOf("token", verifier);
    assertThat(verifiedInFull).hasSize(2);
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    Function<String, VerifiedTokens.Verified> refuser = token -> {
      verifiedInFull.add(token);
      throw new Unauthorized(ProblemCode.INVALID_TOKEN, "no");
    };

    assertThatThrownBy(() -> tokens.claimsOf("forged", refuser)).isInstanceOf(Unauthorized.class);
    assertThatThrownBy(() -> tokens.claimsOf("forged", refuser)).isInstanceOf(Unauthorized.class);

    assertThat(verifiedInFull).hasSize(2);
  }

  private Function<String, VerifiedTokens.Verified> expiringIn(Duration lifetime) {
    Instant expiresAt = clock.instant().plus(lifetime);
    return token -> {
      verifiedInFull.add(token);
      return new VerifiedTokens.Verified(CLAIMS, expiresAt);
    };
  }
}
