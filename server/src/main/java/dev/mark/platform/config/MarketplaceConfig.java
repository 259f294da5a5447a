package dev.mark.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * Marketplace gateways.
 *
 * @param proxySecret the secret a gateway sends in {@code X-RapidAPI-Proxy-Secret}
 *     ({@code MARK_MARKETPLACE_PROXY_SECRET}); empty: marketplace calls are refused
 */
public record MarketplaceConfig(Optional<String> proxySecret) {

  public MarketplaceConfig {
    if (proxySecret.isPresent() && proxySecret.get().length() < 16) {
      throw new ConfigException("MARK_MARKETPLACE_PROXY_SECRET must be at least 16 characters");
    }
  }

  public static MarketplaceConfig disabled() {
    return new MarketplaceConfig(Optional.empty());
  }

  static MarketplaceConfig fromEnvironment(Map<String, String> env) {
    String secret = env.get("MARK_MARKETPLACE_PROXY_SECRET");
    return new MarketplaceConfig(
        secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret.trim()));
  }

  @Override
  public String toString() {
    return "MarketplaceConfig[proxySecret=" + (proxySecret.isPresent() ? "set" : "unset") + "]";
  }
}
