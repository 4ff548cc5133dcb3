package org.practicalpartnerships.handbook.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/** {@code site.yml} text in, a checked {@link SiteConfig} out; without the file, the defaults. */
public final class SiteConfigLoader {
  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

  public SiteConfig load(Optional<SourceText> file, Diagnostics diagnostics) {
    SiteConfig defaults = SiteConfig.defaults();
    if (file.isEmpty()) {
      return defaults;
    }
    SourceText source = file.get();
    YamlFields fields = new YamlFields(source, diagnostics);
    Optional<YNode.YMap> map = new YamlReader(256 * 1024).read(source, source.text(), 1, diagnostics).flatMap(n -> fields.map(n, "site.yml"));
    if (map.isEmpty()) {
      return defaults;
    }
    YNode.YMap m = map.get();
    fields.onlyKeys(m, SiteConfig.KEYS, "site setting");
    String title = fields.string(m, "title").map(String::strip).orElse(defaults.title());
    String language = fields.string(m, "language").map(String::strip).orElse(defaults.language());
    if (!LANGUAGE.matcher(language).matches()) {
      fields.error(m.get("language").get().position(), "'language' must be a language tag such as 'en' or 'en-GB'");
    }
    String description = fields.string(m, "description").map(String::strip).orElse("");
    Optional<String> baseUrl = fields.string(m, "base_url").map(String::strip).filter(s -> !s.isEmpty());
    if (baseUrl.isPresent()) {
      String url = baseUrl.get();
      if (!isAbsoluteWebAddress(url)) {
        fields.error(m.get("base_url").get().position(), "'base_url' must be an absolute http or https address, such as https://example.org/handbook/");
        baseUrl = Optional.empty();
      } else if (!url.endsWith("/")) {
        baseUrl = Optional.of(url + "/");
      }
    }
    String rawHtml = fields.string(m, "raw_html").map(String::strip).orElse("refuse");
    if (!rawHtml.equals("refuse") && !rawHtml.equals("strip")) {
      fields.error(m.get("raw_html").get().position(), "'raw_html' must be 'refuse' (unsafe raw HTML is an error) or 'strip' (it is removed, with a warning)");
    }
    Optional<java.time.LocalDate> edition = fields.date(m, "edition");
    String publisher = fields.string(m, "publisher").map(String::strip).orElse("");
    String licence = fields.string(m, "licence").map(String::strip).orElse("");
    boolean pdf = fields.bool(m, "pdf").orElse(false);
    if (pdf && edition.isEmpty() && m.get("edition").isEmpty()) {
      fields.error(m.entry("pdf").get().keyPosition(), "the PDF edition needs a date: add 'edition: YYYY-MM-DD' (the date of this edition, printed on the cover)");
    }
    return new SiteConfig(title.isEmpty() ? defaults.title() : title, language, description, baseUrl, rawHtml.equals("strip"), edition, publisher, licence, pdf);
  }

  private static boolean isAbsoluteWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
