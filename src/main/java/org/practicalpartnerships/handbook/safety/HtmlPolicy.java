package org.practicalpartnerships.handbook.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.Href;

/**
 * What content may not publish, because it could run code in a reader's browser or change how the
 * page loads: script-like elements, event-handler attributes, inline styles (which the pages'
 * Content-Security-Policy blocks anyway), script URLs ({@code javascript:}, {@code vbscript:},
 * {@code data:}) in any attribute that holds an address, and SVG animations that would set an
 * attribute to any of these. The same rules judge raw HTML in Markdown, attributes written with
 * the {@code {...}} syntax, and SVG files in the content folder ({@link SvgFile}).
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
  /**
   * Elements content may not contain: they run code, change how the page loads, or (SVG's {@code
   * foreignObject}, its {@code handler} and {@code listener}) carry HTML or script inside a drawing.
   * Names are compared without a namespace prefix ({@code svg:script} is a {@code script}).
   */
  public static final Set<String> REFUSED_ELEMENTS = Set.of(
      "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form", "noscript", "template",
      "foreignobject", "handler", "listener", "portal", "fencedframe");

  /** Attributes that hold an address, besides every attribute whose name ends in {@code href}. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("src", "action", "formaction", "poster", "data", "background", "cite", "srcset", "ping",
      "xml:base", "base");

  /**
   * SVG's animation elements: they set another attribute of their target ({@code attributeName})
   * to the values in {@code values}, {@code from}, {@code to} and {@code by}, so
   * {@code <animate attributeName="href" values="javascript:...">} turns a harmless link into a
   * script link once the page is open. Each value is judged as if written on that attribute.
   */
  static final Set<String> ANIMATIONS = Set.of("animate", "set", "animatemotion", "animatetransform", "animatecolor");

  /** The attributes of an animation that hold the values it sets. */
  static final List<String> ANIMATION_VALUES = List.of("values", "from", "to", "by");

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

  /** True for an element that is refused whole; the name may carry a namespace prefix. */
  public static boolean refusesElement(String normalName) {
    return REFUSED_ELEMENTS.contains(localName(normalName));
  }

  /** A name without its namespace prefix, in lower case: {@code svg:Script} gives {@code script}. */
  static String localName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int colon = lower.lastIndexOf(':');
    return colon < 0 ? lower : lower.substring(colon + 1);
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
      if (ANIMATIONS.contains(localName(tag))) {
        found.addAll(animationViolations(element));
      }
    }
    return found;
  }

  /**
   * What an SVG animation would set that the policy refuses: each of its values judged as the
   * value of the attribute it animates.
   */
  static List<Violation> animationViolations(Element animation) {
    String target = attributeIgnoringCase(animation, "attributename").strip();
    if (target.isEmpty()) {
      return List.of();
    }
    List<Violation> found = new ArrayList<>();
    for (String key : ANIMATION_VALUES) {
      for (Attribute attribute : animation.attributes()) {
        if (!localName(attribute.getKey()).equals(key)) {
          continue;
        }
        List<String> values = key.equals("values") ? List.of(attribute.getValue().split(";")) : List.of(attribute.getValue());
        for (String value : values) {
          Optional<Violation> refused = safeKey(target).flatMap(name -> attributeViolation(new Attribute(name, value.strip())));
          if (refused.isPresent()) {
            found.add(new Violation(attribute.getKey(), "this animation would set '" + target + "' to what content may not write: " + refused.get().message()));
            break;
          }
        }
      }
    }
    return found;
  }

  private static String attributeIgnoringCase(Element element, String lowerCaseName) {
    for (Attribute attribute : element.attributes()) {
      if (attribute.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
        return attribute.getValue();
      }
    }
    return "";
  }

  /** The name as an attribute key jsoup accepts, if it can be one. */
  private static Optional<String> safeKey(String name) {
    return name.isBlank() || name.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(name);
  }

  /** Why the policy refuses this attribute, if it does. */
  public static Optional<Violation> attributeViolation(Attribute attribute) {
    String name = attribute.getKey().toLowerCase(Locale.ROOT);
    String local = localName(name);
    if (local.startsWith("on")) {
      return Optional.of(new Violation(name, "the event-handler attribute '" + name + "' is not allowed: content may not run code"));
    }
    if (name.equals("style")) {
      return Optional.of(new Violation(name, "style attributes are blocked by the pages' Content-Security-Policy; use a class from the stylesheet"));
    }
    if (holdsAddress(name)) {
      for (String url : addresses(local, attribute.getValue())) {
        if (isUnsafeUrl(url)) {
          return Optional.of(new Violation(name, unsafeUrlMessage(url)));
        }
      }
    }
    return Optional.empty();
  }

  /** Where the attributes that hold several addresses split them, for the check: more than browsers do. */
  private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[\\t\\n\\f\\r ,]+");

  /**
   * The addresses an attribute's value holds, each judged alone. {@code srcset} holds a list of
   * candidates, each a URL then its size, apart by commas and white space (a browser skips commas
   * and spaces before each URL), and {@code ping} a list apart by spaces: judged whole, {@code
   * "a.png 1x, data:... 2x"} has no scheme. Cutting at every comma too cuts a {@code data:} URL
   * after its scheme, which is what is judged.
   */
  private static List<String> addresses(String localName, String value) {
    if (!localName.equals("srcset") && !localName.equals("ping")) {
      return List.of(value);
    }
    List<String> addresses = new ArrayList<>();
    addresses.add(value);
    for (String token : ADDRESS_SEPARATORS.split(value)) {
      if (!token.isEmpty()) {
        addresses.add(token);
      }
    }
    return addresses;
  }

  /** True for an attribute whose value is an address, checked for script URLs. */
  public static boolean holdsAddress(String lowerCaseName) {
    return lowerCaseName.endsWith("href") || URL_ATTRIBUTES.contains(lowerCaseName) || URL_ATTRIBUTES.contains(localName(lowerCaseName));
  }

  /** True for {@code javascript:}, {@code vbscript:} and {@code data:} URLs, however disguised. */
  public static boolean isUnsafeUrl(String url) {
    return Href.parse(url).kind() == Href.Kind.UNSAFE;
  }

  /**
   * The message for a script URL, wherever it is found (a link, an image, an attribute).
   *
   * @param url a URL {@link #isUnsafeUrl} refuses, so one with a scheme
   */
  public static String unsafeUrlMessage(String url) {
    return "'" + Href.scheme(url) + ":' URLs are not allowed: they can run code in a reader's browser";
  }

  /**
   * Removes from {@code element} every attribute the policy refuses (the caller removes refused
   * elements whole, as it walks), and from an SVG animation the values it may not set.
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
    if (ANIMATIONS.contains(localName(element.normalName()))) {
      for (Violation v : animationViolations(element)) {
        if (drop == null) {
          drop = new ArrayList<>();
        }
        drop.add(v.attribute());
      }
    }
    if (drop != null) {
      drop.forEach(element::removeAttr);
    }
  }
}
