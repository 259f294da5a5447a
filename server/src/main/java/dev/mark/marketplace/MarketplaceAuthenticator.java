package dev.mark.marketplace;

import dev.mark.plans.PlanCatalog;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.SchemeAuthenticator;
import dev.mark.platform.security.Sha256;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code MarketplaceAuth} scheme: a marketplace gateway (RapidAPI style) vouches for its user.
 * The call must carry the configured {@code X-RapidAPI-Proxy-Secret} (compared in constant time);
 * {@code X-RapidAPI-User} names the user, who acts in an account of its own; and
 * {@code X-RapidAPI-Subscription} picks the plan through the plans configuration. Without the
 * secret, the marketplace headers grant nothing. Marketplace users may read and write data, not
 * manage keys.
 */
public final class MarketplaceAuthenticator implements SchemeAuthenticator {

  private static final String SECRET_HEADER = "X-RapidAPI-Proxy-Secret";
  private static final String USER_HEADER = "X-RapidAPI-User";
  private static final String SUBSCRIPTION_HEADER = "X-RapidAPI-Subscription";
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
  private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> SCOPES = Set.of("read", "write");

  private final Optional<byte[]> secretDigest;
  private final MarketplaceService members;
  private final PlanCatalog plans;

  public MarketplaceAuthenticator(Optional<String> proxySecret, MarketplaceService members,
      PlanCatalog plans) {
    this.secretDigest = proxySecret.map(Sha256::of);
    this.members = members;
    this.plans = plans;
  }

  @Override
  public String scheme() {
    return "MarketplaceAuth";
  }

  @Override
  public Optional<Principal> authenticate(CallerRequest request) {
    String presented = request.header(SECRET_HEADER);
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    // digests of equal length, compared without an early exit: timing tells nothing
    if (secretDigest.isEmpty() || !MessageDigest.isEqual(secretDigest.get(), Sha256.of(presented))) {
      throw new Unauthorized(ProblemCode.INVALID_PROXY_SECRET,
          "The X-RapidAPI-Proxy-Secret is not the one configured for this marketplace.");
    }
    String user = header(request, USER_HEADER, USER);
    String subscription = header(request, SUBSCRIPTION_HEADER, SUBSCRIPTION);
    String plan = plans.planOfSubscription(subscription.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new Forbidden(ProblemCode.UNKNOWN_SUBSCRIPTION,
            "The subscription " + subscription + " is not mapped to a plan of this API."));
    MarketplaceMember member = members.memberFor(user);
    return Optional.of(new Principal(member.accountId(), member.keyId(),
        MarketplaceService.ENVIRONMENT, plan, SCOPES));
  }

  private static String header(CallerRequest request, String name, Pattern shape) {
    String value = request.header(name);
    if (value == null || !shape.matcher(value).matches()) {
      throw BadRequest.validation(List.of(new FieldIssue(FieldIssue.Location.HEADER, "/" + name,
          value == null ? "required" : "pattern",
          value == null ? "is required on a marketplace call" : "must match " + shape.pattern())));
    }
    return value;
  }

  @Override
  public String hint() {
    return "Send a Mark API key in X-API-Key, or call through the marketplace.";
  }
}
