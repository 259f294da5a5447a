package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Strangers guessing a user's password lock out their own addresses, never the user: a correct
 * password from another client is accepted however many wrong ones came from elsewhere.
 */
@ExtendWith(RunningServer.Extension.class)
class LoginLockoutTest {

  @Test
  void failuresFromOtherAddressesNeverRefuseACorrectPassword(RunningServer server) throws Exception {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);

    // two strangers, each from an address of its own (loopback has them all), guess on
    for (String stranger : new String[] {"127.0.0.2", "127.0.0.3"}) {
      for (int i = 0; i < RunningServer.LOGIN_ATTEMPTS_PER_EMAIL; i++) {
        assertThat(login(server, stranger, email, "a wrong guess number " + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> lockedOut = login(server, stranger, email, Sessions.PASSWORD);
      assertThat(lockedOut.statusCode()).as("the guesser's own address is locked out").isEqualTo(429);
      assertThat(lockedOut.body()).contains("login_throttled");
    }

    HttpResponse<String> user = login(server, "127.0.0.1", email, Sessions.PASSWORD);
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
  }

  @Test
  void anAddressThatFailedTooOftenIsStillRefusedEvenWithTheRightPassword(RunningServer server) {
    String email = Sessions.newEmail();
    Sessions.signUp(server, email);
    for (int i = 0; i < RunningServer.LOGIN_ATTEMPTS_PER_EMAIL; i++) {
      Sessions.login(server.anonymousClient(), email, "another wrong guess " + i, "token");
    }
    HttpResult refused = Sessions.login(server.anonymousClient(), email, Sessions.PASSWORD, "token");
    assertProblem(refused, 429, "login_throttled");
    assertThat(refused.header("Retry-After")).isPresent();
  }

  private static HttpResponse<String> login(RunningServer server, String fromAddress, String email,
      String password) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(fromAddress)).build();
    URI uri = URI.create(server.baseUrl().replace("localhost", "127.0.0.1") + "/v1/auth/login");
    return client.send(HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email
                + "\", \"password\": \"" + password + "\", \"session\": \"token\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
