package dev.mark;

import static dev.mark.db.Tables.SIGNING_KEYS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TestClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access tokens that must not work: tampered, expired, without expiry, unknown kid, alg none,
 * HS256 "signed" with the public key, other issuer or audience, and plain garbage; and a
 * signing-key rotation that logs nobody out.
 */
@ExtendWith(RunningServer.Extension.class)
class AccessTokenAttackTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTamperedTokenIsRefused(RunningServer server) {
    String token = Sessions.signUp(server).get("access_token").asString();
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"plan\":\"free\"", "\"plan\":\"mega\"");
    assertThat(payload).contains("\"plan\":\"mega\"");

    String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertInvalid(server, tampered);
  }

  @Test
  void unsignedAndConfusedTokensAreRefused(RunningServer server) throws Exception {
    DecodedJWT real = JWT.decode(Sessions.signUp(server).get("access_token").asString());
    String claims = new String(Base64.getUrlDecoder().decode(real.getPayload()), StandardCharsets.UTF_8);

    String none = B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + real.getKeyId() + "\"}")
        .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    assertInvalid(server, none);

    // HS256 with the server's public key as the HMAC secret: the classic algorithm confusion
    byte[] publicKey = server.sql().select(SIGNING_KEYS.PUBLIC_KEY).from(SIGNING_KEYS)
        .where(SIGNING_KEYS.KID.eq(real.getKeyId())).fetchOne().value1();
    String confused = JWT.create()
        .withKeyId(real.getKeyId())
        .withPayload(claims)
        .sign(Algorithm.HMAC256(publicKey));
    assertInvalid(server, confused);
  }

  @Test
  void expiredWrongKidForeignAndGarbageTokensAreRefused(RunningServer server) throws Exception {
    DecodedJWT real = JWT.decode(Sessions.signUp(server).get("access_token").asString());
    Algorithm serverKey = serverKey(server, real.getKeyId());

    assertInvalid(server, copy(real).withExpiresAt(Instant.now().minusSeconds(1)).sign(serverKey));
    assertInvalid(server, copy(real).withKeyId("sk_01JC3XG8F2SK6Y8S3M7VVQPRTE").sign(serverKey));
    assertInvalid(server, copy(real).withIssuer("https://evil.example").sign(serverKey));
    assertInvalid(server, copy(real).withAudience("another-api").sign(serverKey));
    // no expiry at all: a verified token is remembered until it expires, so one must be required
    assertInvalid(server, JWT.create().withKeyId(real.getKeyId()).withPayload(claimsWithout(real, "exp"))
        .sign(serverKey));
    assertInvalid(server, "not.a.jwt");
    assertInvalid(server, "");
    assertInvalid(server, "e30." + "e30." + "x".repeat(5000));
    // a well-signed copy is accepted: the refusals above are about what was changed
    assertThat(bearer(server, copy(real).sign(serverKey)).get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void aRotatedSigningKeyLogsNobodyOut(RunningServer server) {
    JsonNode before = Sessions.signUp(server);
    String oldKid = JWT.decode(before.get("access_token").asString()).getKeyId();

    server.app().sessions().rotateSigningKey();
    JsonNode after = Sessions.signUp(server);

    assertThat(JWT.decode(after.get("access_token").asString()).getKeyId()).isNotEqualTo(oldKid);
    assertThat(Sessions.bearer(server, before).get("/v1/me").status()).isEqualTo(200);
    assertThat(Sessions.bearer(server, after).get("/v1/me").status()).isEqualTo(200);
  }

  private static com.auth0.jwt.JWTCreator.Builder copy(DecodedJWT real) {
    String claims = new String(Base64.getUrlDecoder().decode(real.getPayload()), StandardCharsets.UTF_8);
    return JWT.create().withKeyId(real.getKeyId()).withPayload(claims)
        .withExpiresAt(Instant.now().plus(Duration.ofMinutes(5)));
  }

  private static String claimsWithout(DecodedJWT real, String name) {
    ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(real.getPayload()));
    claims.remove(name);
    return claims.toString();
  }

  private static Algorithm serverKey(RunningServer server, String kid) throws Exception {
    var row = server.sql().selectFrom(SIGNING_KEYS).where(SIGNING_KEYS.KID.eq(kid)).fetchOne();
    KeyFactory ec = KeyFactory.getInstance("EC");
    return Algorithm.ECDSA256(
        (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(row.getPublicKey())),
        (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(row.getPrivateKey())));
  }

  private static TestClient bearer(RunningServer server, String token) {
    return server.anonymousClient().withHeader("Authorization", "Bearer " + token);
  }

  private static void assertInvalid(RunningServer server, String token) {
    assertProblem(bearer(server, token).get("/v1/me"), 401, token.isEmpty() ? "unauthorized" : "invalid_token");
    assertProblem(server.anonymousClient().withHeader("Cookie", "mark_session=" + token).get("/v1/me"), 401,
        token.isEmpty() ? "unauthorized" : "invalid_token");
  }
}
