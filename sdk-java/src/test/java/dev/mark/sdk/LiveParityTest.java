package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.core.AuthenticationException;
import dev.mark.sdk.core.Environment;
import dev.mark.sdk.core.ListParams;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.MarkResponse;
import dev.mark.sdk.core.NotFoundException;
import dev.mark.sdk.core.Page;
import dev.mark.sdk.core.PermissionException;
import dev.mark.sdk.core.RequestOptions;
import dev.mark.sdk.core.ValidationException;
import dev.mark.sdk.model.Aggregation;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.ConfirmSignupRequest;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import dev.mark.sdk.model.IngestResult;
import dev.mark.sdk.model.LoginRequest;
import dev.mark.sdk.model.Me;
import dev.mark.sdk.model.Measure;
import dev.mark.sdk.model.Order;
import dev.mark.sdk.model.OrderDirection;
import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import dev.mark.sdk.model.ResultColumn;
import dev.mark.sdk.model.Session;
import dev.mark.sdk.model.SessionMode;
import dev.mark.sdk.model.SignupPending;
import dev.mark.sdk.model.SignupRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parity scenario, also run by the TypeScript SDK (test/live.test.ts): the core against the
 * real server, from creating a dataset to each kind of error, and a user's token-mode session.
 */
@ExtendWith(LiveServerExtension.class)
class LiveParityTest {
  private static final String PASSWORD = "plum tulip 4 anchor violet";

  private MarkClient mark;
  private LiveServer server;

  @BeforeEach
  void connect(LiveServer server) {
    this.server = server;
    mark = server.client().apiKey(server.apiKey()).build();
  }

  private Dataset create(String name) {
    return mark.datasets().create(new CreateDatasetRequest().name(name).columns(List.of(
        new Column().name("ordered_at").type(ColumnType.TIMESTAMP),
        new Column().name("region").type(ColumnType.STRING),
        new Column().name("revenue").type(ColumnType.NUMBER)))).data();
  }

  @Test
  void createsADatasetThatRetrieveGivesBackEqual() {
    MarkResponse<Dataset> created = mark.datasets().create(new CreateDatasetRequest().name("Orders")
        .columns(List.of(new Column().name("region").type(ColumnType.STRING))));

    assertThat(created.meta().status()).isEqualTo(201);
    assertThat(created.meta().requestId()).isNotEmpty();
    assertThat(mark.datasets().retrieve(created.data().getId()).data()).isEqualTo(created.data());
  }

  @Test
  void aPostWhoseResponseIsLostIsRetriedWithItsKeyAndWritesItsRowsOnce(LiveServer server) {
    Dataset ds = create("Retried");
    LosingHttpClient losing = new LosingHttpClient();
    MarkClient flaky = mark.newBuilder().httpClient(losing).build();
    List<Map<String, Object>> rows = List.of(
        Map.of("ordered_at", "2026-11-02T09:30:00Z", "region", "EMEA", "revenue", 129.9),
        Map.of("ordered_at", "2026-11-03T14:05:00Z", "region", "APAC", "revenue", 48));

    MarkResponse<IngestResult> result = flaky.rows().ingest(ds.getId(), rows);

    assertThat(losing.posts).hasValue(2);
    assertThat(result.meta().idempotentReplayed()).isTrue();
    assertThat(result.data().getInserted()).isEqualTo(2);
    assertThat(mark.datasets().retrieve(ds.getId()).data().getRowCount()).isEqualTo(2);
    Page<Map<String, Object>> stored = mark.rows().list(ds.getId(), ListParams.limit(1), RequestOptions.NONE);
    assertThat(stored.stream().count()).isEqualTo(2);
  }

  @Test
  void ingestsCsvAndAnswersAQuery() {
    Dataset ds = create("Query");
    String csv = "ordered_at,region,revenue\n2026-11-02T09:30:00Z,EMEA,10.5\n"
        + "2026-11-03T09:30:00Z,EMEA,4.5\n2026-11-04T09:30:00Z,APAC,1\n";
    assertThat(mark.rows().ingestCsv(ds.getId(), csv).data().getInserted()).isEqualTo(3);

    QueryResult result = mark.analytics().query(ds.getId(), new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue"), new Measure().agg(Aggregation.COUNT)))
        .dimensions(List.of("region"))
        .order(List.of(new Order().column("region").direction(OrderDirection.ASC)))).data();

    assertThat(result.getColumns()).extracting(ResultColumn::getName).containsExactly("region", "sum_revenue", "count");
    assertThat(result.getRows()).hasSize(2);
    assertThat(result.getRows().get(0).get(0)).isEqualTo("APAC");
    assertThat(new BigDecimal(String.valueOf(result.getRows().get(1).get(1)))).isEqualByComparingTo("15");
  }

  @Test
  void walksAListAcrossPages() {
    List<String> ids = List.of(create("Page 0").getId(), create("Page 1").getId(), create("Page 2").getId());

    Page<Dataset> first = mark.datasets().list(ListParams.limit(2), RequestOptions.NONE);
    assertThat(first.data()).hasSize(2);
    assertThat(first.hasNextPage()).isTrue();

    List<String> seen = first.stream().map(Dataset::getId).collect(Collectors.toList());
    assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
  }

  @Test
  void aBadApiKeyIsAnAuthenticationException() {
    MarkClient stranger = mark.newBuilder().apiKey("mk_test_not_a_real_key").build();
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> stranger.datasets().list());
    assertThat(e.status()).isEqualTo(401);
  }

  @Test
  void anUnknownDatasetIsANotFoundExceptionWithTheRequestId() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> mark.datasets().retrieve("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE"));
    assertThat(e.code()).contains("not_found");
    assertThat(e.requestId()).isNotEmpty();
  }

  @Test
  void aBadRowIsAValidationExceptionNamingItAndNothingIsWritten() {
    Dataset ds = create("Invalid");
    List<Map<String, Object>> rows = List.of(Map.of("region", "EMEA", "revenue", 1), Map.of("region", "APAC", "revenue", "12,50"));

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> mark.rows().ingest(ds.getId(), rows));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).contains("invalid_rows");
    assertThat(e.errors()).extracting(f -> f.getPointer()).containsExactly("/rows/1/revenue");
    assertThat(mark.datasets().retrieve(ds.getId()).data().getRowCount()).isZero();
  }

  private static String email(String name) {
    return name + "+" + System.nanoTime() + "@example.com";
  }

  private Session signup(String email) {
    mark.auth().signup(new SignupRequest().email(email).password(PASSWORD));
    return mark.auth().confirmSignup(new ConfirmSignupRequest().token(server.signupToken(email))).data();
  }

  @Test
  void aUserSignsUpAndCallsAsThemselfInEitherEnvironmentWithTheSession() {
    String email = email("ada");
    MarkResponse<SignupPending> pending = mark.auth().signup(new SignupRequest().email(email).password(PASSWORD));
    assertThat(pending.meta().status()).isEqualTo(202);
    assertThat(pending.data().getStatus()).isEqualTo(SignupPending.StatusEnum.VERIFICATION_SENT);
    assertThat(pending.data().getEmail()).isEqualTo(email);
    MarkResponse<Session> session = mark.auth().confirmSignup(
        new ConfirmSignupRequest().token(server.signupToken(email)));
    assertThat(session.meta().status()).isEqualTo(201);
    assertThat(session.data().getMode()).isEqualTo(SessionMode.TOKEN);
    MarkClient user = mark.withSession(session.data());

    MarkResponse<Me> me = user.auth().me();
    assertThat(me.data().getUser().getEmail()).isEqualTo(email);
    assertThat(me.data().getEnvironment()).isEqualTo(Me.EnvironmentEnum.TEST);
    assertThat(me.meta().rateLimit()).as("me is rate-limited like any call").isPresent();
    Dataset ds = user.datasets().create(new CreateDatasetRequest().name("Mine")
        .columns(List.of(new Column().name("region").type(ColumnType.STRING)))).data();
    MarkClient live = user.newBuilder().environment(Environment.LIVE).build();
    assertThat(live.auth().me().data().getEnvironment()).isEqualTo(Me.EnvironmentEnum.LIVE);
    assertThat(live.datasets().list().data()).extracting(Dataset::getId).as("test data stays in test").doesNotContain(ds.getId());

    Session again = mark.auth().login(new LoginRequest().email(email).password(PASSWORD)).data();
    assertThat(again.getUser().getId()).isEqualTo(session.data().getUser().getId());
  }

  @Test
  void aRefreshTokenWorksOncePresentingItAgainEndsTheSession() {
    Session first = signup(email("grace"));
    Session second = mark.auth().refresh(first.getRefreshToken()).data();
    assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
    assertThat(mark.withSession(second).auth().me().data().getUser().getId()).isEqualTo(first.getUser().getId());

    AuthenticationException reused = catchThrowableOfType(AuthenticationException.class,
        () -> mark.auth().refresh(first.getRefreshToken()));
    assertThat(reused.code()).contains("refresh_token_reused");
    assertThat(catchThrowableOfType(AuthenticationException.class, () -> mark.auth().refresh(second.getRefreshToken())))
        .isNotNull();
  }

  @Test
  void logoutEndsTheRefreshToken() {
    Session session = signup(email("alan"));
    assertThat(mark.auth().logout(session.getRefreshToken()).status()).isEqualTo(204);
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> mark.auth().refresh(session.getRefreshToken()));
    assertThat(e.code()).contains("invalid_refresh_token");
  }

  @Test
  void aTakenEmailIsNotToldAndABadTokenAWeakPasswordAndAWrongPasswordAreTypedExceptions() {
    String email = email("edsger");
    signup(email);

    SignupPending again = mark.auth().signup(new SignupRequest().email(email).password(PASSWORD)).data();
    assertThat(again.getStatus()).isEqualTo(SignupPending.StatusEnum.VERIFICATION_SENT);
    ValidationException badToken = catchThrowableOfType(ValidationException.class,
        () -> mark.auth().confirmSignup(new ConfirmSignupRequest().token("mst_not_a_token")));
    ValidationException weak = catchThrowableOfType(ValidationException.class,
        () -> mark.auth().signup(new SignupRequest().email("x" + email).password("passwordpassword")));
    AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class,
        () -> mark.auth().login(new LoginRequest().email(email).password(PASSWORD + "!")));

    assertThat(badToken.code()).contains("invalid_signup_token");
    assertThat(badToken.errors()).extracting(f -> f.getPointer()).containsExactly("/token");
    assertThat(weak.code()).contains("weak_password");
    assertThat(weak.errors()).extracting(f -> f.getPointer()).containsExactly("/password");
    assertThat(wrong.code()).contains("invalid_credentials");
  }

  @Test
  void anApiKeyActsInItsOwnEnvironmentOnly() {
    MarkClient live = mark.newBuilder().environment(Environment.LIVE).build();
    PermissionException e = catchThrowableOfType(PermissionException.class, () -> live.datasets().list());
    assertThat(e.code()).contains("environment_mismatch");
  }
}
