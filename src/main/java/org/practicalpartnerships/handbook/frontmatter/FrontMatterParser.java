package org.practicalpartnerships.handbook.frontmatter;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/**
 * Page text in, {@link ParsedPage} out. Front matter sits between a first line of {@code ---} and
 * the next line of {@code ---} (or {@code ...}). A page without front matter takes its title from a
 * leading {@code # Heading}, so a folder of plain Markdown builds as it is.
 */
public final class FrontMatterParser {
  /** Front matter larger than this is refused: it is metadata, not content. */
  public static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  private static final Pattern LAYOUT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  // A closing run of '#' counts only after a space (CommonMark), so "# Learning C#" keeps its '#'.
  private static final Pattern LEADING_H1 = Pattern.compile("\\A\\s*#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*(\\n|\\z)");

  private final YamlReader yaml = new YamlReader(MAX_FRONT_MATTER_CHARS);

  public Optional<ParsedPage> parse(SourceText source, Diagnostics diagnostics) {
    String text = source.text();
    if (text.isBlank()) {
      diagnostics.add(source.error(1, 1, "the page is empty; start it with front matter that gives a title"));
      return Optional.empty();
    }
    if (!isDelimiter(source.line(1), false)) {
      return withoutFrontMatter(source, diagnostics);
    }
    int closing = 0;
    for (int line = 2; line <= source.lineCount(); line++) {
      if (isDelimiter(source.line(line), true)) {
        closing = line;
        break;
      }
    }
    if (closing == 0) {
      diagnostics.add(source.error(1, 1, "front matter starts here but is never closed; end it with a line of '---'"));
      return Optional.empty();
    }
    int yamlStart = source.lineStart(2);
    int yamlEnd = source.lineStart(closing);
    if (yamlEnd - yamlStart > MAX_FRONT_MATTER_CHARS) {
      diagnostics.add(source.error(2, 1, "front matter is larger than " + (MAX_FRONT_MATTER_CHARS / 1024) + " KiB; move long text into the page body"));
      return Optional.empty();
    }
    String block = text.substring(yamlStart, yamlEnd);
    int bodyOffset = closing < source.lineCount() ? source.lineStart(closing + 1) : text.length();
    String body = text.substring(bodyOffset);
    YamlFields fields = new YamlFields(source, diagnostics);
    Optional<YNode> root = yaml.read(source, block, 2, diagnostics);
    if (root.isEmpty()) {
      // Blank, or only comments: the reader found no value and reported nothing.
      if (block.isBlank() || block.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
        diagnostics.add(source.error(1, 1, "front matter is empty; it needs at least 'title'"));
      }
      return Optional.empty();
    }
    Optional<YNode.YMap> map = fields.map(root.get(), "front matter");
    if (map.isEmpty()) {
      return Optional.empty();
    }
    return read(map.get(), fields, body, bodyOffset);
  }

  private Optional<ParsedPage> read(YNode.YMap map, YamlFields fields, String body, int bodyOffset) {
    fields.onlyKeys(map, FrontMatter.KEYS, "front-matter key");
    Optional<String> title = fields.requiredString(map, "title", "front matter");
    String description = fields.string(map, "description").orElse("").strip();
    Optional<Integer> order = fields.integer(map, "order");
    String layout = fields.string(map, "layout").orElse(FrontMatter.DEFAULT_LAYOUT).strip();
    if (!LAYOUT_NAME.matcher(layout).matches()) {
      fields.error(map.get("layout").get().position(), "'layout' must be a template name such as 'page' (lowercase letters, digits, '-' and '_'; no paths)");
      layout = FrontMatter.DEFAULT_LAYOUT;
    }
    List<String> tags = fields.stringList(map, "tags").stream().map(String::strip).toList();
    Set<String> unique = new LinkedHashSet<>();
    for (String tag : tags) {
      if (tag.isEmpty() || !unique.add(tag)) {
        fields.error(map.get("tags").get().position(), tag.isEmpty() ? "tags must not be empty" : "the tag '" + tag + "' is given twice");
      }
    }
    boolean draft = fields.bool(map, "draft").orElse(false);
    boolean glossary = fields.bool(map, "glossary").orElse(true);
    boolean pdf = fields.bool(map, "pdf").orElse(false);
    FrontMatter.Upkeep upkeep = new FrontMatter.Upkeep(fields.date(map, "updated"), fields.string(map, "owner").orElse("").strip(), fields.date(map, "review_by"));
    // With a title the page is still read, whatever else failed: the build fails on the errors
    // reported, and its body's own problems are found in the same run. Without one it is not.
    if (title.isEmpty()) {
      return Optional.empty();
    }
    Map<String, FrontMatter.KeyPosition> positions = new HashMap<>();
    for (YNode.Entry entry : map.entries()) {
      positions.put(entry.key(), new FrontMatter.KeyPosition(entry.keyPosition(), entry.value().position()));
      if (entry.value() instanceof YNode.YList list) {
        for (YNode item : list.items()) {
          if (item instanceof YNode.YScalar scalar) {
            positions.putIfAbsent(FrontMatter.itemKey(entry.key(), scalar.value().strip()), new FrontMatter.KeyPosition(item.position(), item.position()));
          }
        }
      }
    }
    FrontMatter fm = new FrontMatter(title.get().strip(), description, order.map(OptionalInt::of).orElse(OptionalInt.empty()), layout,
        List.copyOf(unique), draft, glossary, upkeep, pdf, positions);
    return Optional.of(new ParsedPage(fm, body, bodyOffset));
  }

  private Optional<ParsedPage> withoutFrontMatter(SourceText source, Diagnostics diagnostics) {
    Matcher h1 = LEADING_H1.matcher(source.text());
    if (!h1.find()) {
      diagnostics.add(source.error(1, 1, "the page has no title; add front matter ('---', 'title: ...', '---') or start it with a '# Heading'"));
      return Optional.empty();
    }
    int bodyStart = h1.end();
    String body = source.text().substring(bodyStart);
    FrontMatter fm = new FrontMatter(h1.group(1), "", OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false);
    return Optional.of(new ParsedPage(fm, body, bodyStart));
  }

  private static boolean isDelimiter(String line, boolean closing) {
    String trimmed = line.stripTrailing();
    return trimmed.equals("---") || (closing && trimmed.equals("..."));
  }
}
