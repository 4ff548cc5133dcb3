package org.practicalpartnerships.handbook.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.Href;

/**
 * What content may not publish, because it could run code in a reader's browser or change how the
 * page loads: script-like elements, event-handler attributes, inline styles (which the pages'
 * Content-Security-Policy blocks anyway) and script URLs ({@code javascript:}, {@code vbscript:},
 * {@code data:}) in any attribute that holds an address.
 *
 * <p>A deny list, not jsoup's allow-list {@code Safelist}: content may use any harmless HTML and
 * SVG (figures are drawn in SVG), and each refusal must be reported at its line, which jsoup's
 * {@code Cleaner} cannot say. The build refuses what this policy names (or, with {@code raw_html:
 * strip}, removes it with a warning); the post-processor removes it whatever the setting, as a
 * second line of defence.
 *
 * <pre>{@code
 * for (HtmlPolicy.Violation v : HtmlPolicy.violations(element)) report(v.message());
 * HtmlPolicy.strip(element);   // the same rules, applied
 * }</pre>
 */
public final class HtmlPolicy {
  /** Elements content may not contain: they run code or change how the page loads. */
  public static final Set<String> REFUSED_ELEMENTS = Set.of(
      "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form", "noscript", "template");

  /** Attributes that hold an address, besides every attribute whose name ends in {@code href}. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("src", "action", "formaction", "poster", "data", "background", "cite", "srcset", "ping");

  private HtmlPolicy() {}

  /**
   * One thing the policy refuses.
   *
   * @param attribute the attribute's name, or "" when the whole element is refused
   * @param message what is wrong and what to do instead
   */
  public record Violation(String attribute, String message) {
    public boolean wholeElement() {
      return attribute.isEmpty();
    }
  }

  /** True for an element that is refused whole. */
  public static boolean refusesElement(String normalName) {
    return REFUSED_ELEMENTS.contains(normalName);
  }

  /** What the policy refuses in this one element (not its children), in attribute order. */
  public static List<Violation> violations(Element element) {
    List<Violation> found = new ArrayList<>();
    String tag = element.normalName();
    if (refusesElement(tag)) {
      found.add(new Violation("", "raw <" + tag + "> is not allowed in a page: content may not run code or change how the page loads"));
    }
    if (element.attributesSize() > 0) {
      for (Attribute attribute : element.attributes()) {
        attributeViolation(attribute).ifPresent(found::add);
      }
    }
    return found;
  }

  /** Why the policy refuses this attribute, if it does. */
  public static Optional<Violation> attributeViolation(Attribute attribute) {
    String name = attribute.getKey().toLowerCase(Locale.ROOT);
    if (name.startsWith("on")) {
      return Optional.of(new Violation(name, "the event-handler attribute '" + name + "' is not allowed: content may not run code"));
    }
    if (name.equals("style")) {
      return Optional.of(new Violation(name, "style attributes are blocked by the pages' Content-Security-Policy; use a class from the stylesheet"));
    }
    if (holdsAddress(name) && isUnsafeUrl(attribute.getValue())) {
      return Optional.of(new Violation(name, unsafeUrlMessage(attribute.getValue())));
    }
    return Optional.empty();
  }

  /** True for an attribute whose value is an address, checked for script URLs. */
  public static boolean holdsAddress(String lowerCaseName) {
    return lowerCaseName.endsWith("href") || URL_ATTRIBUTES.contains(lowerCaseName);
  }

  /** True for {@code javascript:}, {@code vbscript:} and {@code data:} URLs, however disguised. */
  public static boolean isUnsafeUrl(String url) {
    return Href.parse(url).kind() == Href.Kind.UNSAFE;
  }

  /** The message for a script URL, wherever it is found (a link, an image, an attribute). */
  public static String unsafeUrlMessage(String url) {
    return "'" + url.strip().split(":", 2)[0] + ":' URLs are not allowed: they can run code in a reader's browser";
  }

  /**
   * Removes from {@code element} every attribute the policy refuses (the caller removes refused
   * elements whole, as it walks).
   */
  public static void stripAttributes(Element element) {
    if (element.attributesSize() == 0) {
      return;
    }
    List<String> drop = null;
    for (Attribute a : element.attributes()) {
      if (attributeViolation(a).isPresent()) {
        if (drop == null) {
          drop = new ArrayList<>();
        }
        drop.add(a.getKey());
      }
    }
    if (drop != null) {
      drop.forEach(element::removeAttr);
    }
  }
}
