package dev.mark.platform.config;

import java.util.Optional;

/**
 * Marketplace gateways.
 *
 * @param proxySecret the secret a gateway sends in {@code X-RapidAPI-Proxy-Secret}
 *     ({@link Variable#MARK_MARKETPLACE_PROXY_SECRET}); empty: marketplace calls are refused
 */
public record MarketplaceConfig(Optional<String> proxySecret) {

  public MarketplaceConfig {
    if (proxySecret.isPresent() && proxySecret.get().length() < 16) {
      throw new ConfigException("MARK_MARKETPLACE_PROXY_SECRET must be at least 16 characters");
    }
  }

  // trimmed, like the other secrets: a trailing newline from a secrets file is not part of it
  static MarketplaceConfig fromEnvironment(Environment env) {
    return new MarketplaceConfig(env.text(Variable.MARK_MARKETPLACE_PROXY_SECRET));
  }

  @Override
  public String toString() {
    return "MarketplaceConfig[proxySecret=" + (proxySecret.isPresent() ? "set" : "unset") + "]";
  }
}
