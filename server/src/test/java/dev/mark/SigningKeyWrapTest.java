package dev.mark;

import static dev.mark.db.Tables.SIGNING_KEYS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.mark.db.tables.records.SigningKeysRecord;
import dev.mark.platform.config.ConfigException;
import dev.mark.platform.security.Hkdf;
import dev.mark.support.HttpResult;
import dev.mark.support.LogCapture;
import dev.mark.support.RunningServer;
import dev.mark.support.Sessions;
import dev.mark.support.TempDirs;
import dev.mark.support.TestClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing keys wrapped at rest with {@code MARK_SIGNING_KEY_SECRET}, on nodes (servers in this
 * process) sharing one real PostgreSQL, a new database for each test: what is stored, that its
 * tokens verify, that turning the secret on logs nobody out, and how a node whose secret does not
 * match refuses.
 */
class SigningKeyWrapTest {

  private static final String SECRET = "q3Jm0V9xgBt7cYw2LpZ8fKs4Hd6Ne1Ru5Aa0Tj3Wv8E=";
  private static final String WRONG_SECRET = "Xc5Ln2Pq8Rs1Tu4Vw7Yz0Ab3Cd6Ef9Gh2Ij5Kl8Mn1=";

  private static Path dir;
  private static EmbeddedPostgres postgres;
  private static int databases;

  private final List<RunningServer> nodes = new ArrayList<>();
  private String databaseUrl;

  @BeforeAll
  static void startPostgres() throws Exception {
    dir = TempDirs.create("mark-key-wrap");
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("postgres"))
        .setCleanDataDirectory(true)
        .start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    TempDirs.delete(dir);
  }

  @BeforeEach
  void newDatabase() throws Exception {
    String name = "key_wrap_" + ++databases;
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    databaseUrl = "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name;
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(RunningServer::close);
  }

  @Test
  void aWrappedKeyIsStoredWithoutItsPkcs8EncodingAndSignsTokensThatVerify() throws Exception {
    App node = node(Optional.of(SECRET));
    String token = newSession(node);
    SigningKeysRecord row = storedKey(node, kid(token));

    assertThat(row.getPrivateKeyFormat()).isEqualTo("wrapped-v1");
    byte[] pkcs8 = unwrapAsDocumented(row, SECRET);
    ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    assertThat(contains(row.getPrivateKey(), pkcs8)).as("holds the PKCS#8 encoding").isFalse();
    assertThat(contains(row.getPrivateKey(), scalar(privateKey))).as("holds the private scalar").isFalse();
    assertThat(me(node, token).status()).isEqualTo(200);

    // the key that unwrapped is the one that signs: a token signed with it here is accepted
    ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
        .generatePublic(new X509EncodedKeySpec(row.getPublicKey()));
    String signedHere = JWT.create()
        .withKeyId(row.getKid())
        .withPayload(new String(Base64.getUrlDecoder().decode(JWT.decode(token).getPayload()), UTF_8))
        .sign(Algorithm.ECDSA256(publicKey, privateKey));
    assertThat(me(node, signedHere).status()).isEqualTo(200);
  }

  @Test
  void turningTheSecretOnLogsNobodyOutAndTheNextKeyIsWrapped() {
    App plain = node(Optional.empty());
    String before = newSession(plain);
    assertThat(storedKey(plain, kid(before)).getPrivateKeyFormat()).isEqualTo("pkcs8");
    stop(plain);

    App wrapped = node(Optional.of(SECRET));
    assertThat(me(wrapped, before).status()).isEqualTo(200);
    wrapped.sessions().rotateSigningKey();
    String after = newSession(wrapped);

    assertThat(kid(after)).isNotEqualTo(kid(before));
    assertThat(storedKey(wrapped, kid(after)).getPrivateKeyFormat()).isEqualTo("wrapped-v1");
    assertThat(me(wrapped, before).status()).isEqualTo(200);
    assertThat(me(wrapped, after).status()).isEqualTo(200);
  }

  @Test
  void aNodeWithAWrongOrNoSecretRefusesToStartNamingTheVariable() {
    App first = node(Optional.of(SECRET));
    String token = newSession(first);

    try (LogCapture logs = new LogCapture()) {
      assertThatThrownBy(() -> node(Optional.of(WRONG_SECRET)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(kid(token))
          .hasMessageContaining("does not unwrap with this node's MARK_SIGNING_KEY_SECRET")
          .hasMessageNotContaining(SECRET)
          .hasMessageNotContaining(WRONG_SECRET);
      assertThatThrownBy(() -> node(Optional.empty()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(kid(token))
          .hasMessageContaining("MARK_SIGNING_KEY_SECRET is not set");
      assertThat(logs.messages()).noneMatch(line -> line.contains(SECRET) || line.contains(WRONG_SECRET));
    }
    assertThat(me(first, token).status()).as("the node with the right secret is unharmed").isEqualTo(200);
  }

  @Test
  void aCiphertextMovedToAnotherKidDoesNotUnwrap() {
    App node = node(Optional.of(SECRET));
    String first = kid(newSession(node));
    node.sessions().rotateSigningKey();
    String second = kid(newSession(node));
    byte[] firstKey = storedKey(node, first).getPrivateKey();
    byte[] secondKey = storedKey(node, second).getPrivateKey();
    node.database().dsl().update(SIGNING_KEYS).set(SIGNING_KEYS.PRIVATE_KEY, secondKey)
        .where(SIGNING_KEYS.KID.eq(first)).execute();
    node.database().dsl().update(SIGNING_KEYS).set(SIGNING_KEYS.PRIVATE_KEY, firstKey)
        .where(SIGNING_KEYS.KID.eq(second)).execute();
    stop(node);

    assertThatThrownBy(() -> node(Optional.of(SECRET)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_SIGNING_KEY_SECRET")
        .hasMessageContaining("or the row was altered")
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(first, second));
  }

  @Test
  void aNodeWithoutTheSecretStillVerifiesWrappedKeysTokensAndSignsWithAKeyItCanRead() {
    App plain = node(Optional.empty());
    String plainKid = kid(newSession(plain));
    App wrapped = node(Optional.of(SECRET));
    wrapped.sessions().rotateSigningKey();
    String fromWrapped = newSession(wrapped);
    assertThat(kid(fromWrapped)).isNotEqualTo(plainKid);

    try (LogCapture logs = new LogCapture()) {
      assertThat(me(plain, fromWrapped).status()).isEqualTo(200);
      String fromPlain = newSession(plain);

      assertThat(kid(fromPlain)).as("signed with the newest key it can unwrap").isEqualTo(plainKid);
      assertThat(me(wrapped, fromPlain).status()).isEqualTo(200);
      assertThat(logs.messages(Level.ERROR)).singleElement().satisfies(line -> assertThat(line)
          .contains(kid(fromWrapped))
          .contains("MARK_SIGNING_KEY_SECRET is not set"));
    }
  }

  @Test
  void withoutTheSecretANodeOnAnExternalDatabaseWarnsAtStartup() {
    String warning = "MARK_SIGNING_KEY_SECRET is not set: signing keys are stored unencrypted";
    try (LogCapture logs = new LogCapture()) {
      node(Optional.empty());
      assertThat(logs.messages(Level.WARN)).filteredOn(line -> line.startsWith(warning)).hasSize(1);
    }
    try (LogCapture logs = new LogCapture()) {
      node(Optional.of(SECRET));
      assertThat(logs.messages(Level.WARN)).noneMatch(line -> line.startsWith(warning));
    }
  }

  private App node(Optional<String> secret) {
    Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", databaseUrl));
    secret.ifPresent(value -> env.put("MARK_SIGNING_KEY_SECRET", value));
    RunningServer node = RunningServer.builder().environment(env).start();
    nodes.add(node);
    return node.app();
  }

  private RunningServer server(App node) {
    return nodes.stream().filter(n -> n.app() == node).findFirst().orElseThrow();
  }

  private void stop(App node) {
    RunningServer server = server(node);
    nodes.remove(server);
    server.close();
  }

  /**
   * Opens a wrapped private key as V8__signing_key_wrap.sql describes the format, apart from the
   * server's code: a change of the format, which would lock every deployment out of its keys,
   * cannot pass unnoticed.
   */
  private static byte[] unwrapAsDocumented(SigningKeysRecord row, String secret) throws Exception {
    byte[] key = Hkdf.sha256(secret.getBytes(UTF_8), new byte[0],
        "mark signing-key wrap v1: AES-256-GCM".getBytes(UTF_8), 32);
    byte[] stored = row.getPrivateKey();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, stored, 0, 12));
    cipher.updateAAD(row.getKid().getBytes(UTF_8));
    return cipher.doFinal(stored, 12, stored.length - 12);
  }

  /** The private scalar in its 32-byte big-endian form. */
  private static byte[] scalar(ECPrivateKey key) {
    byte[] raw = key.getS().toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
    assertThat(new BigInteger(1, fixed)).isEqualTo(key.getS());
    return fixed;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

  private static SigningKeysRecord storedKey(App node, String kid) {
    return node.database().dsl().selectFrom(SIGNING_KEYS).where(SIGNING_KEYS.KID.eq(kid)).fetchSingle();
  }

  /** Signs a new user up on {@code node}; answers the session's access token. */
  private String newSession(App node) {
    return Sessions.signUp(server(node)).get("access_token").asString();
  }

  private static HttpResult me(App node, String accessToken) {
    return client(node).withHeader("Authorization", "Bearer " + accessToken).get("/v1/me");
  }

  private static String kid(String accessToken) {
    return JWT.decode(accessToken).getKeyId();
  }

  private static TestClient client(App node) {
    return new TestClient("http://localhost:" + node.port(), Map.of());
  }
}
