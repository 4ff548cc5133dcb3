package org.practicalpartnerships.handbook.checkup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.checkup.Checkup.HandbookLink;
import org.practicalpartnerships.handbook.checkup.Checkup.Markdown;
import org.practicalpartnerships.handbook.checkup.Checkup.Point;
import org.practicalpartnerships.handbook.checkup.Checkup.Statement;
import org.practicalpartnerships.handbook.checkup.Checkup.Theme;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.MarkdownField;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/**
 * {@code content/checkup.yml} in, a checked {@link Checkup} and the file's links out.
 *
 * The format is in the package's documentation ({@code package-info.java}) and README.md.
 *
 * <h2>The checks</h2>
 *
 * Each problem is a diagnostic at its line and column, and all of them are reported in one run:
 * unknown keys at every level (with "did you mean"); missing or empty values; values of the wrong
 * kind; duplicate keys; ids that are not lowercase letters, digits and hyphens; duplicate theme
 * ids and duplicate statement ids (with the line of the first); a theme without statements; a
 * scale with fewer than two points or more than {@link #MAX_POINTS}, two points with the same
 * score or the same label; a {@code low_below} outside the scale; more than {@link
 * #MAX_STATEMENTS} statements; a link {@code page} that is not a handbook page; and raw HTML in
 * the Markdown that could run code (as on any page). Links into the handbook, in {@code links} and
 * in the Markdown, are returned in {@link Result#links()} for the build's link checker, which
 * reports missing pages and sections.
 */
public final class CheckupLoader {
  /** The check-up's file, in the content folder. */
  public static final String FILE = "checkup.yml";
  /** The most points on the scale: the answer code spends one digit on each answer. */
  public static final int MAX_POINTS = 9;
  /** The most statements: enough for any check-up a board will fill in, and a code that stays short. */
  public static final int MAX_STATEMENTS = 100;

  static final List<String> TOP_KEYS = List.of("title", "description", "intro", "scale", "unsure", "low_below", "themes");
  static final List<String> POINT_KEYS = List.of("score", "label");
  static final List<String> THEME_KEYS = List.of("id", "title", "about", "statements", "low", "links");
  static final List<String> STATEMENT_KEYS = List.of("id", "text");
  static final List<String> LINK_KEYS = List.of("page", "label");
  private static final int MAX_CHARACTERS = 1024 * 1024;
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

  /**
   * What the file gave.
   *
   * @param checkup the check-up, present only when the file had no errors
   * @param links every link written in the file (theme {@code links} and links in Markdown), as
   *     written, relative to the content folder, with their offsets in the file; present even when
   *     the file has errors, so broken links are reported in the same run. Check them as the links
   *     of a page at the top of the site, such as {@link #FILE} itself.
   */
  public record Result(Optional<Checkup> checkup, List<LinkRef> links) {
    public Result {
      links = List.copyOf(links);
    }

    public static final Result NONE = new Result(Optional.empty(), List.of());
  }

  private final MarkdownEngine markdown;
  private final boolean stripUnsafeHtml;
  private final YamlReader reader = new YamlReader(MAX_CHARACTERS);

  /** @param stripUnsafeHtml site.yml's {@code raw_html: strip}: unsafe HTML is a warning, not an error */
  public CheckupLoader(MarkdownEngine markdown, boolean stripUnsafeHtml) {
    this.markdown = markdown;
    this.stripUnsafeHtml = stripUnsafeHtml;
  }

  /** Reads and checks the file; every problem is added to {@code diagnostics}. Never throws for bad input. */
  public Result load(SourceText source, Diagnostics diagnostics) {
    Diagnostics found = new Diagnostics();
    Result result;
    try {
      result = new Reading(source, found).read();
    } catch (StackOverflowError e) {
      found.add(source.error(1, 1, "the check-up's Markdown is too deeply nested or too repetitive to render; simplify it"));
      result = Result.NONE;
    }
    diagnostics.addAll(found.sorted());
    return found.hasErrors() ? new Result(Optional.empty(), result.links()) : result;
  }

  /** One reading of one file. */
  private final class Reading {
    private final SourceText source;
    private final Diagnostics found;
    private final YamlFields fields;
    private final List<LinkRef> links = new ArrayList<>();
    private final Map<String, Integer> statementIds = new HashMap<>();
    private int statementCount;
    /** The points of the scale that could be read, even when others could not: low_below is checked against them. */
    private final List<Point> pointsRead = new ArrayList<>();

    Reading(SourceText source, Diagnostics found) {
      this.source = source;
      this.found = found;
      this.fields = new YamlFields(source, found);
    }

    Result read() {
      Optional<YNode> root = yaml();
      if (root.isEmpty()) {
        if (!found.hasErrors()) {
          found.add(source.error(1, 1, "the check-up is empty: it needs 'title', 'intro', 'scale' and 'themes'"));
        }
        return Result.NONE;
      }
      Optional<YNode.YMap> map = fields.map(root.get(), "the check-up");
      if (map.isEmpty()) {
        return Result.NONE;
      }
      YNode.YMap top = map.get();
      fields.onlyKeys(top, TOP_KEYS, "check-up key");
      Optional<String> title = required(top, "title", TOP_KEYS, "the check-up needs 'title': the page's title").map(String::strip);
      String description = optional(top, "description").map(String::strip).orElse("");
      Optional<Markdown> intro = required(top, "intro", TOP_KEYS, "the check-up needs 'intro': the page's introduction, in Markdown")
          .map(text -> markdown(top.get("intro").get(), text));
      Optional<List<Point>> scale = scale(top);
      String unsure = optional(top, "unsure").map(String::strip).orElse("");
      boolean spread = pointsRead.stream().mapToInt(Point::score).distinct().count() >= 2;
      Optional<BigDecimal> lowBelow = lowBelow(top, spread ? Optional.of(List.copyOf(pointsRead)) : Optional.empty());
      Optional<List<Theme>> themes = themes(top);
      if (statementCount > MAX_STATEMENTS) {
        fields.error(top.entry("themes").get().keyPosition(), "the check-up has " + statementCount + " statements, more than the " + MAX_STATEMENTS
            + " allowed; a check-up that long is seldom finished: keep the statements that matter most");
      }
      if (found.hasErrors() || title.isEmpty() || intro.isEmpty() || scale.isEmpty() || lowBelow.isEmpty() || themes.isEmpty()) {
        return new Result(Optional.empty(), links);
      }
      return new Result(Optional.of(new Checkup(title.get(), description, intro.get(), scale.get(), unsure, lowBelow.get(), themes.get())), links);
    }

    /**
     * Reads the YAML. A key given twice leaves its later definition out (the reader reports it),
     * and the rest of the file is still checked in the same run.
     */
    private Optional<YNode> yaml() {
      YamlReader.Document document = reader.parse(source.text(), 1);
      found.addAll(document.diagnostics(source));
      return document.root();
    }

    private Optional<List<Point>> scale(YNode.YMap top) {
      Optional<YList> list = list(top, "scale", TOP_KEYS, "the check-up needs 'scale': two or more answers, each with a 'score' and a 'label'",
          "'scale' must be a list of answers, each starting with '- score:'");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      List<YNode> items = list.get().list().items();
      if (items.size() < 2) {
        fields.error(list.get().at(), "the scale has " + (items.isEmpty() ? "no points" : "only one point") + "; it needs two or more, such as 'Disagree' and 'Agree'");
      } else if (items.size() > MAX_POINTS) {
        fields.error(list.get().at(), "the scale has " + items.size() + " points, more than the " + MAX_POINTS + " allowed");
      }
      List<Point> points = new ArrayList<>();
      Map<Integer, Integer> scores = new HashMap<>();
      Map<String, Integer> labels = new HashMap<>();
      boolean ok = true;
      for (YNode item : items) {
        Optional<YNode.YMap> point = fields.map(item, "a point of the scale");
        if (point.isEmpty()) {
          ok = false;
          continue;
        }
        YNode.YMap p = point.get();
        fields.onlyKeys(p, POINT_KEYS, "scale key");
        Optional<Integer> score = Optional.empty();
        if (p.get("score").isEmpty()) {
          missing(p, "score", POINT_KEYS, p.position(), "a point of the scale needs 'score': a whole number, such as 1");
        } else if (p.get("score").get() instanceof YNode.YScalar s && s.isNull()) {
          fields.error(s.position(), "'score' must not be empty");
        } else {
          score = fields.integer(p, "score");
        }
        Optional<String> label = required(p, "label", POINT_KEYS, "a point of the scale needs 'label': its text, such as 'Agree'").map(String::strip);
        score.ifPresent(s -> {
          Position at = p.get("score").get().position();
          Integer first = scores.putIfAbsent(s, at.line());
          if (first != null) {
            fields.error(at, "two points of the scale score " + s + " (the first on line " + first + "); give each point its own score");
          }
        });
        label.ifPresent(l -> {
          Position at = p.get("label").get().position();
          Integer first = labels.putIfAbsent(l.toLowerCase(java.util.Locale.ROOT), at.line());
          if (first != null) {
            fields.error(at, "two points of the scale are labelled '" + l + "' (the first on line " + first + "); give each point its own label");
          }
        });
        score.ifPresent(v -> pointsRead.add(new Point(v, label.orElse(""))));
        if (score.isPresent() && label.isPresent()) {
          points.add(new Point(score.get(), label.get()));
        } else {
          ok = false;
        }
      }
      return ok && points.size() >= 2 && points.size() <= MAX_POINTS ? Optional.of(points) : Optional.empty();
    }

    private Optional<BigDecimal> lowBelow(YNode.YMap top, Optional<List<Point>> scale) {
      Optional<YNode> node = top.get("low_below");
      int min = scale.map(s -> s.stream().mapToInt(Point::score).min().orElse(0)).orElse(0);
      int max = scale.map(s -> s.stream().mapToInt(Point::score).max().orElse(0)).orElse(0);
      if (node.isEmpty()) {
        return scale.map(s -> BigDecimal.valueOf(min + max).divide(BigDecimal.valueOf(2)).stripTrailingZeros());
      }
      if (fields.unreadable(node.get())) {
        return Optional.empty();
      }
      if (!(node.get() instanceof YNode.YScalar scalar) || scalar.isNull() || !NUMBER.matcher(scalar.value().strip()).matches()) {
        String what = node.get() instanceof YNode.YScalar s && s.isNull() ? "empty" : node.get() instanceof YNode.YScalar s ? "'" + s.value() + "'" : node.get().kind();
        fields.error(node.get().position(), "'low_below' must be a number, such as 2.5, not " + what);
        return Optional.empty();
      }
      BigDecimal value = new BigDecimal(scalar.value().strip()).stripTrailingZeros();
      if (scale.isPresent() && (value.compareTo(BigDecimal.valueOf(min)) <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)) {
        fields.error(scalar.position(), "'low_below' is " + value.toPlainString() + ", but it must be above the lowest score (" + min
            + ") and at most the highest (" + max + "): a theme averaging below it counts as low");
        return Optional.empty();
      }
      return Optional.of(value);
    }

    private Optional<List<Theme>> themes(YNode.YMap top) {
      Optional<YList> list = list(top, "themes", TOP_KEYS, "the check-up needs 'themes': one or more, each with statements",
          "'themes' must be a list of themes, each starting with '- id:'");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      if (list.get().list().items().isEmpty()) {
        fields.error(list.get().at(), "'themes' has no themes; give it one or more");
        return Optional.empty();
      }
      List<Theme> themes = new ArrayList<>();
      Map<String, Integer> ids = new HashMap<>();
      boolean ok = true;
      for (YNode item : list.get().list().items()) {
        Optional<YNode.YMap> map = fields.map(item, "a theme");
        Optional<Theme> theme = map.flatMap(m -> theme(m, ids));
        ok &= theme.isPresent();
        theme.ifPresent(themes::add);
      }
      return ok ? Optional.of(themes) : Optional.empty();
    }

    private Optional<Theme> theme(YNode.YMap map, Map<String, Integer> themeIds) {
      fields.onlyKeys(map, THEME_KEYS, "theme key");
      Optional<String> id = id(map, themeIds, "a theme needs 'id': a short name such as 'purpose', in lowercase letters, digits and hyphens", "theme");
      String what = id.map(i -> "theme '" + i + "'").orElse("a theme");
      Optional<String> title = required(map, "title", THEME_KEYS, what + " needs 'title'").map(String::strip);
      Markdown about = optional(map, "about").map(s -> markdown(map.get("about").get(), s)).orElse(Markdown.NONE);
      Optional<List<Statement>> statements = statements(map, what);
      Optional<Markdown> low = required(map, "low", THEME_KEYS, what + " needs 'low': what a low score suggests, in Markdown")
          .map(s -> markdown(map.get("low").get(), s));
      Optional<List<HandbookLink>> handbookLinks = handbookLinks(map, what);
      if (id.isEmpty() || title.isEmpty() || statements.isEmpty() || low.isEmpty() || handbookLinks.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Theme(id.get(), title.get(), about, statements.get(), low.get(), handbookLinks.get()));
    }

    private Optional<List<Statement>> statements(YNode.YMap theme, String what) {
      Optional<YList> list = list(theme, "statements", THEME_KEYS, what + " has no statements; give it one or more, each with an 'id' and a 'text'",
          "'statements' must be a list of statements, each starting with '- id:'");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      if (list.get().list().items().isEmpty()) {
        fields.error(list.get().at(), what + " has no statements; give it one or more, each with an 'id' and a 'text'");
        return Optional.empty();
      }
      List<Statement> statements = new ArrayList<>();
      boolean ok = true;
      for (YNode item : list.get().list().items()) {
        statementCount++;
        Optional<YNode.YMap> map = fields.map(item, "a statement");
        if (map.isEmpty()) {
          ok = false;
          continue;
        }
        YNode.YMap s = map.get();
        fields.onlyKeys(s, STATEMENT_KEYS, "statement key");
        Optional<String> id = id(s, statementIds, "a statement needs 'id': a short name such as 'one-sentence', in lowercase letters, digits and hyphens", "statement");
        Optional<String> text = required(s, "text", STATEMENT_KEYS, "a statement needs 'text': the statement to answer").map(String::strip);
        if (id.isPresent() && text.isPresent()) {
          statements.add(new Statement(id.get(), text.get()));
        } else {
          ok = false;
        }
      }
      return ok ? Optional.of(statements) : Optional.empty();
    }

    /** A theme's or statement's id: present, well formed and not given before. */
    private Optional<String> id(YNode.YMap map, Map<String, Integer> seen, String missing, String kind) {
      List<String> allowed = kind.equals("theme") ? THEME_KEYS : STATEMENT_KEYS;
      Optional<String> id = required(map, "id", allowed, missing).map(String::strip);
      if (id.isEmpty()) {
        return id;
      }
      Position at = map.get("id").get().position();
      if (!ID.matcher(id.get()).matches()) {
        fields.error(at, kind + " id '" + id.get() + "' must be lowercase letters, digits and hyphens, such as 'shared-goal'");
        return Optional.empty();
      }
      Integer first = seen.putIfAbsent(id.get(), at.line());
      if (first != null) {
        fields.error(at, "duplicate " + kind + " id '" + id.get() + "' (first given on line " + first + "); give each " + kind + " its own id");
        return Optional.empty();
      }
      return id;
    }

    private Optional<List<HandbookLink>> handbookLinks(YNode.YMap map, String what) {
      Optional<YList> list = list(map, "links", THEME_KEYS, what + " needs 'links': one or more handbook pages that help",
          "'links' must be a list of links, each starting with '- page:'");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      if (list.get().list().items().isEmpty()) {
        fields.error(list.get().at(), "'links' needs at least one link into the handbook");
        return Optional.empty();
      }
      List<HandbookLink> result = new ArrayList<>();
      boolean ok = true;
      for (YNode item : list.get().list().items()) {
        Optional<YNode.YMap> link = fields.map(item, "a link");
        if (link.isEmpty()) {
          ok = false;
          continue;
        }
        YNode.YMap l = link.get();
        fields.onlyKeys(l, LINK_KEYS, "link key");
        Optional<String> page = required(l, "page", LINK_KEYS, "a link needs 'page': a handbook page, such as practice/shared-goals.md#steps").map(String::strip);
        Optional<String> label = required(l, "label", LINK_KEYS, "a link needs 'label': its text").map(String::strip);
        if (page.isPresent()) {
          Position pageAt = l.get("page").get().position();
          Href href = Href.parse(page.get());
          if (href.kind() != Href.Kind.RELATIVE || !href.path().endsWith(".md")) {
            fields.error(pageAt, "'page' must be a page of the handbook, written relative to the content folder, such as practice/shared-goals.md#steps");
            page = Optional.empty();
          } else {
            links.add(new LinkRef(page.get(), offset(pageAt), false));
          }
        }
        if (page.isPresent() && label.isPresent()) {
          result.add(new HandbookLink(page.get(), label.get(), offset(l.get("page").get().position())));
        } else {
          ok = false;
        }
      }
      return ok ? Optional.of(result) : Optional.empty();
    }

    /** A list under {@code key} with where it is; missing (unless misspelt) or not a list is an error. */
    private Optional<YList> list(YNode.YMap map, String key, List<String> allowed, String missing, String notList) {
      Optional<YNode> node = map.get(key);
      if (node.isEmpty()) {
        missing(map, key, allowed, map.position(), missing);
        return Optional.empty();
      }
      if (node.get() instanceof YNode.YScalar s && s.isNull()) {
        fields.error(s.position(), "'" + key + "' must not be empty");
        return Optional.empty();
      }
      if (fields.unreadable(node.get())) {
        return Optional.empty();
      }
      if (!(node.get() instanceof YNode.YList list)) {
        fields.error(node.get().position(), notList + ", not " + node.get().kind());
        return Optional.empty();
      }
      return Optional.of(new YList(list, map.entry(key).get().keyPosition()));
    }

    /** A list and the position of its key, where "too few" errors point. */
    private record YList(YNode.YList list, Position at) {}

    /** A required text value: missing (unless misspelt, which was reported already), empty or not text is an error. */
    private Optional<String> required(YNode.YMap map, String key, List<String> allowed, String message) {
      if (map.get(key).isEmpty()) {
        missing(map, key, allowed, map.position(), message);
        return Optional.empty();
      }
      YNode value = map.get(key).get();
      if (value instanceof YNode.YScalar scalar && scalar.isNull()) {
        fields.error(value.position(), "'" + key + "' must not be empty");
        return Optional.empty();
      }
      return fields.requiredString(map, key, "");
    }

    /** Optional text: absent is fine, but written and empty is an error. */
    private Optional<String> optional(YNode.YMap map, String key) {
      Optional<YNode> value = map.get(key);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (value.get() instanceof YNode.YScalar scalar && (scalar.isNull() || scalar.value().isBlank())) {
        fields.error(value.get().position(), "'" + key + "' must not be empty; fill it in or remove it");
        return Optional.empty();
      }
      return fields.string(map, key);
    }

    private void missing(YNode.YMap map, String key, List<String> allowed, Position at, String message) {
      boolean misspelt = map.entries().stream()
          .filter(e -> !allowed.contains(e.key()))
          .anyMatch(e -> Suggestions.closest(e.key(), allowed).filter(key::equals).isPresent());
      if (!misspelt) {
        fields.error(at, message);
      }
    }

    /** Renders Markdown written at {@code node}: checked as a page body is, its links at their places in the file. */
    private Markdown markdown(YNode node, String text) {
      MarkdownField field = MarkdownField.render(markdown, source, offset(node.position()), text);
      links.addAll(field.links());
      field.problems().forEach(problem -> found.add(problem.diagnostic(source, stripUnsafeHtml)));
      return new Markdown(text, field.html());
    }

    private int offset(Position at) {
      return source.lineStart(at.line()) + at.column() - 1;
    }
  }
}
