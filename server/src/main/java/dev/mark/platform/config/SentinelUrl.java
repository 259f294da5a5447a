package dev.mark.platform.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code redis-sentinel://[[user]:password@]host[:port][,host2[:port2]…][/database]#masterName}
 * URL, in Lettuce's syntax: the sentinels to ask (port 26379 unless given), and the name of the
 * master they watch. The credentials are the master's; Lettuce asks the sentinels without any.
 *
 * <p>Checked by hand: {@link java.net.URI} takes a list of hosts for a registry-based authority
 * and reports no host, port or user information for it.
 *
 * @param sentinels {@code host[:port]} of each sentinel, as written
 * @param path {@code ""} or the database number with its slash, e.g. {@code /2}
 * @param masterName the fragment: the name in the sentinels' {@code sentinel monitor} line
 */
record SentinelUrl(List<String> sentinels, String path, String masterName) {

  static final String SCHEME = "redis-sentinel://";
  static final String SHAPE =
      "redis-sentinel://[[user]:password@]host[:port][,host2[:port2]…][/database]#masterName";
  private static final Pattern SENTINEL = Pattern.compile("[A-Za-z0-9._-]+(:(?<port>\\d{1,5}))?");
  private static final Pattern DATABASE = Pattern.compile("/?|/\\d{1,2}");
  private static final Pattern MASTER_NAME = Pattern.compile("[A-Za-z0-9._:-]+");

  static boolean matches(String url) {
    return url.startsWith(SCHEME);
  }

  /** Messages quote the hosts, path and master name, never what precedes the {@code @}. */
  static SentinelUrl parse(String url) {
    String rest = url.substring(SCHEME.length());
    // the last @ ends the credentials, so that nothing quoted below can hold part of a password
    int at = rest.lastIndexOf('@');
    if (rest.substring(0, at + 1).matches(".*[/?#].*")) {
      throw new ConfigException("MARK_REDIS_URL's user and password must percent-encode / ? # "
          + "(e.g. %23 for #)");
    }
    rest = rest.substring(at + 1);
    int hash = rest.indexOf('#');
    if (hash < 0 || hash == rest.length() - 1) {
      throw new ConfigException("MARK_REDIS_URL must end with #masterName, the master the "
          + "sentinels watch: " + SHAPE);
    }
    String masterName = rest.substring(hash + 1);
    if (!MASTER_NAME.matcher(masterName).matches()) {
      throw new ConfigException("MARK_REDIS_URL's master name must be letters, digits and . _ : -; "
          + "got '" + masterName + "'");
    }
    String hostsAndPath = rest.substring(0, hash);
    if (hostsAndPath.contains("?")) {
      throw new ConfigException("MARK_REDIS_URL takes no query parameters: " + SHAPE);
    }
    int slash = hostsAndPath.indexOf('/');
    String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
    String path = slash < 0 ? "" : hostsAndPath.substring(slash);
    if (!DATABASE.matcher(path).matches()) {
      throw new ConfigException("MARK_REDIS_URL's path must be a database number, e.g. /0; got '"
          + path + "'");
    }
    List<String> sentinels = List.of(hosts.split(",", -1));
    for (String sentinel : sentinels) {
      Matcher matcher = SENTINEL.matcher(sentinel);
      if (!matcher.matches() || matcher.group("port") != null
          && !between(Integer.parseInt(matcher.group("port")), 1, 65535)) {
        throw new ConfigException("MARK_REDIS_URL must list sentinels as host[:port] separated by "
            + "commas (" + SHAPE + "); got '" + sentinel + "'");
      }
    }
    return new SentinelUrl(sentinels, path, masterName);
  }

  private static boolean between(int value, int min, int max) {
    return value >= min && value <= max;
  }

  /** The URL without its user information. */
  String redacted() {
    return SCHEME + String.join(",", sentinels) + path + "#" + masterName;
  }
}
