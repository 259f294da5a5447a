package dev.mark.accounts;

import dev.mark.keys.ApiKeyService;
import dev.mark.keys.IssuedKey;
import dev.mark.plans.PlanCatalog;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.ids.Ids;
import java.util.Optional;
import org.jooq.DSLContext;

/** Accounts: who owns data and keys. Users and their sessions are in {@code dev.mark.sessions}. */
public final class AccountService {

  /** A new account and its first key; the key's secret is shown once. */
  public record CreatedAccount(String accountId, String keyId, String apiKey) {}

  private final Transactions transactions;
  private final ApiKeyService keys;
  private final AccountRepository repository = new AccountRepository();
  private final PlanCatalog plans;

  public AccountService(Transactions transactions, ApiKeyService keys, PlanCatalog plans) {
    this.transactions = transactions;
    this.keys = keys;
    this.plans = plans;
  }

  /** Creates an account on the default plan with one API key in {@code environment}. */
  public CreatedAccount create(String name, String environment) {
    return create(name, environment, plans.defaultPlan());
  }

  /** Creates an account on {@code planId} with one API key in {@code environment}. */
  public CreatedAccount create(String name, String environment, String planId) {
    return transactions.inTransaction(tx -> {
      String accountId = Ids.next("acct");
      repository.insert(tx, accountId, name, planId);
      IssuedKey key = keys.issue(tx, accountId, environment, "Default key",
          ApiKeyService.ALL_SCOPES, Optional.empty());
      return new CreatedAccount(accountId, key.key().id(), key.secret());
    });
  }

  /**
   * Creates the account of a new user, on the default plan and without an API key, inside the
   * caller's transaction.
   *
   * @return its ID
   */
  public String createForUser(DSLContext tx, String name) {
    String accountId = Ids.next("acct");
    repository.insert(tx, accountId, name, plans.defaultPlan());
    return accountId;
  }

  /** Adds the key that counts a session's calls in {@code environment}; returns its ID. */
  public String sessionKey(DSLContext tx, String accountId, String environment) {
    return keys.issueSessionKey(tx, accountId, environment);
  }

  /**
   * On a database with no account yet, creates the development account and its test key, so
   * that a fresh local server can be called at once. Empty when accounts already exist.
   */
  public Optional<CreatedAccount> createDevelopmentAccountIfEmpty() {
    if (repository.any(transactions.reads())) {
      return Optional.empty();
    }
    return Optional.of(create("Development", "test", plans.developmentPlan()));
  }
}
