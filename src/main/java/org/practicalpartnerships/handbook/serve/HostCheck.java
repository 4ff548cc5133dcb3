package org.practicalpartnerships.handbook.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests the preview answers, against DNS rebinding: a web page at {@code evil.example}
 * whose name is made to resolve to 127.0.0.1 can send requests to the preview from the editor's
 * own browser, but they carry {@code Host: evil.example}. The preview answers only a Host that is
 * a loopback name ({@code localhost}, {@code *.localhost}) or address, or the {@code --host} it
 * was given, with the server's own port; and when a request carries an {@code Origin}, only the
 * preview's own origins (a page elsewhere reading the reload stream, or fetching pages, is
 * refused).
 *
 * <p>An address written as digits cannot be rebound, so when the server listens on every address
 * ({@code --host 0.0.0.0}) any IP address is accepted as the Host, and names only when loopback.
 */
final class HostCheck {
  private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.%]+\\]|[^:\\[\\]\\s/@]+)(?::(\\d{1,5}))?");
  private static final Pattern IPV4 = Pattern.compile("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private final String given;
  private final boolean wildcard;
  private final InetAddress bound;
  private final int port;

  /**
   * @param given the {@code --host} as typed, such as {@code 127.0.0.1} or {@code my-laptop.lan}
   * @param bound the address the server listens on
   * @param port the port it listens on
   */
  HostCheck(String given, InetAddress bound, int port) {
    this.given = normal(given);
    this.bound = bound;
    this.wildcard = bound.isAnyLocalAddress();
    this.port = port;
  }

  /** Why a request with this Host header is refused; empty when it is answered. */
  Optional<String> refuseHost(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return Optional.of("a request to the preview must say which host it is for (a Host header)");
    }
    Matcher m = HOST.matcher(hostHeader.strip());
    if (!m.matches()) {
      return Optional.of("'" + printable(hostHeader) + "' is not a host name");
    }
    int asked = m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
    if (asked != port) {
      return Optional.of("this preview listens on port " + port + ", not " + asked);
    }
    if (!allowedName(normal(m.group(1)))) {
      return Optional.of("this preview answers only at its own address (such as http://127.0.0.1:" + port + "/), not at '"
          + printable(m.group(1)) + "', so that other web pages cannot read it");
    }
    return Optional.empty();
  }

  /** True when a request may carry this Origin header (absent means a same-origin or non-browser request). */
  boolean originAllowed(String origin) {
    if (origin == null) {
      return true;
    }
    String o = origin.strip();
    if (!o.toLowerCase(Locale.ROOT).startsWith("http://")) {
      return false;
    }
    String authority = o.substring("http://".length());
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    return !authority.isEmpty() && refuseHost(authority).isEmpty();
  }

  private boolean allowedName(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost") || host.equals(given)) {
      return true;
    }
    Optional<InetAddress> literal = literal(host);
    if (literal.isEmpty()) {
      return false;
    }
    InetAddress address = literal.get();
    return address.isLoopbackAddress() || wildcard || address.equals(bound);
  }

  /** The address a host written as digits stands for; empty for a name (never looked up). */
  static Optional<InetAddress> literal(String host) {
    try {
      if (host.startsWith("[") && host.endsWith("]")) {
        String inside = host.substring(1, host.length() - 1);
        if (!inside.contains(":")) {
          return Optional.empty(); // never a name to look up
        }
        int zone = inside.indexOf('%');
        InetAddress a = InetAddress.getByName(zone < 0 ? inside : inside.substring(0, zone));
        return a instanceof Inet6Address || a.getHostAddress().contains(".") ? Optional.of(a) : Optional.empty();
      }
      if (IPV4.matcher(host).matches()) {
        return Optional.of(InetAddress.getByName(host));
      }
    } catch (UnknownHostException e) {
      // Not an address after all.
    }
    return Optional.empty();
  }

  /** Lowercase, without a trailing dot; an IPv6 address in brackets. */
  private static String normal(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return h;
  }

  private static String printable(String text) {
    String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
    return cut.replaceAll("[^\\x20-\\x7e…]", "?");
  }
}
