package dev.mark.marketplace;

import dev.mark.accounts.AccountService;
import dev.mark.platform.db.Transactions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each marketplace user an account of its own on first sight, isolated like any other,
 * in the {@code live} environment. A user's account never changes, so it is cached for the life
 * of the process: after the first call, a marketplace call does not query the database.
 */
public final class MarketplaceService {

  static final String ENVIRONMENT = "live";

  private final Transactions transactions;
  private final AccountService accounts;
  private final MarketplaceRepository repository = new MarketplaceRepository();
  private final Map<String, MarketplaceMember> members = new ConcurrentHashMap<>();

  public MarketplaceService(Transactions transactions, AccountService accounts) {
    this.transactions = transactions;
    this.accounts = accounts;
  }

  MarketplaceMember memberFor(String userName) {
    MarketplaceMember cached = members.get(userName);
    if (cached != null) {
      return cached;
    }
    MarketplaceMember member = repository.find(transactions.reads(), userName)
        .orElseGet(() -> create(userName));
    members.put(userName, member);
    return member;
  }

  private MarketplaceMember create(String userName) {
    // the account's own key secret is never shown: the marketplace user calls through the gateway
    AccountService.CreatedAccount account =
        accounts.create("Marketplace user " + userName, ENVIRONMENT);
    MarketplaceMember member = new MarketplaceMember(account.accountId(), account.keyId());
    boolean first = transactions.inTransaction(tx -> repository.insert(tx, userName, member));
    // two nodes may meet a new user at once: the one recorded first wins everywhere
    return first ? member : repository.find(transactions.reads(), userName).orElseThrow();
  }
}
