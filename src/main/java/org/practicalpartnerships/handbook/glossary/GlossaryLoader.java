package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.MarkdownField;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/**
 * {@code content/glossary.yml} in, checked {@link Term}s out. The file is a list of entries with
 * {@code term}, optional {@code aliases}, {@code definition} (Markdown) and optional {@code see}
 * (paths of pages, relative to the content folder, with optional {@code #section}). Each
 * definition is rendered once, here, and checked as a page body is: raw HTML against the safety
 * policy, its links returned for the link check.
 */
public final class GlossaryLoader {
  public static final String FILE = "glossary.yml";
  public static final List<String> KEYS = List.of("term", "aliases", "definition", "see");

  /**
   * What the file gave.
   *
   * @param terms the entries that had no errors
   * @param links every link in the file ({@code see} pages and links in definitions), relative to
   *     the content folder, at their offsets in the file
   * @param allRead false when the file, or an entry whose term is unknown, could not be read: any
   *     anchor on the glossary page may be missing because of it
   * @param unreadIds the anchors of entries that had errors, where the term was read
   */
  public record Glossary(List<Term> terms, List<LinkRef> links, boolean allRead, Set<String> unreadIds) {
    public static final Glossary NONE = new Glossary(List.of(), List.of());

    /** A glossary read without errors. */
    public Glossary(List<Term> terms, List<LinkRef> links) {
      this(terms, links, true, Set.of());
    }

    public Glossary {
      terms = List.copyOf(terms);
      links = List.copyOf(links);
      unreadIds = Set.copyOf(unreadIds);
    }

    /** The same, marked as not wholly read. */
    Glossary unread() {
      return new Glossary(terms, links, false, unreadIds);
    }
  }

  private final MarkdownEngine markdown;
  private final boolean stripUnsafeHtml;
  private final Set<String> layoutIds;

  /** @param stripUnsafeHtml site.yml's {@code raw_html: strip}: unsafe HTML is a warning, not an error */
  public GlossaryLoader(MarkdownEngine markdown, boolean stripUnsafeHtml) {
    this(markdown, stripUnsafeHtml, Set.of());
  }

  /**
   * @param layoutIds ids the page layout writes: a term whose anchor would be one of them (a term
   *     "Main" and the skip link's {@code main}) gets the anchor with {@code -1} added
   */
  public GlossaryLoader(MarkdownEngine markdown, boolean stripUnsafeHtml, Set<String> layoutIds) {
    this.markdown = markdown;
    this.stripUnsafeHtml = stripUnsafeHtml;
    this.layoutIds = Set.copyOf(layoutIds);
  }

  /** A term's anchor: its slug, unless the layout uses that id. */
  private String anchor(String term) {
    String slug = slug(term);
    return layoutIds.contains(slug) ? slug + "-1" : slug;
  }

  public Glossary load(SourceText source, Diagnostics diagnostics) {
    YamlFields fields = new YamlFields(source, diagnostics);
    Optional<YNode> root = new YamlReader(1024 * 1024).read(source, source.text(), 1, diagnostics);
    if (root.isEmpty()) {
      // Empty (only comments, say), or not readable as YAML (reported), when no term is known.
      return source.text().lines().allMatch(GlossaryLoader::blankOrComment) ? Glossary.NONE : Glossary.NONE.unread();
    }
    if (!(root.get() instanceof YNode.YList list)) {
      fields.error(root.get().position(), "the glossary must be a list of entries, each starting with '- term:'");
      return Glossary.NONE.unread();
    }
    List<LinkRef> links = new ArrayList<>();
    List<Term> terms = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    Map<String, Position> ids = new HashMap<>();
    boolean allRead = true;
    Set<String> unread = new HashSet<>();
    for (YNode item : list.items()) {
      Optional<YNode.YMap> entry = fields.map(item, "a glossary entry");
      if (entry.isEmpty()) {
        allRead = false;
        continue;
      }
      YNode.YMap map = entry.get();
      fields.onlyKeys(map, KEYS, "glossary key");
      Optional<String> term = fields.requiredString(map, "term", "a glossary entry");
      Optional<String> definition = fields.requiredString(map, "definition", "a glossary entry");
      List<String> aliases = fields.stringList(map, "aliases").stream().map(String::strip).toList();
      List<LinkRef> see = see(map, fields, source);
      links.addAll(see);
      if (term.isEmpty()) {
        allRead = false;
        continue;
      }
      if (definition.isEmpty()) {
        unread.add(slug(term.get()));
        continue;
      }
      MarkdownField rendered;
      try {
        rendered = MarkdownField.render(markdown, source, offset(source, map.get("definition").get().position()), definition.get());
      } catch (MarkdownEngine.TooComplex e) {
        diagnostics.add(source.atOffset(e.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, e.getMessage()));
        continue;
      }
      links.addAll(rendered.links());
      rendered.problems().forEach(problem -> diagnostics.add(problem.diagnostic(source, stripUnsafeHtml)));
      boolean clash = clashes(term.get(), aliases, map.position(), seen, ids, fields);
      if (!clash) {
        String text = Html.parse(rendered.html()).body().text();
        terms.add(new Term(term.get().strip(), anchor(term.get()), aliases, rendered.html(), text, see, offset(source, map.position())));
      }
    }
    return new Glossary(terms, links, allRead, unread);
  }

  /**
   * Whether the entry's term or an alias is already defined (case aside), or its anchor is another
   * entry's ("Co-operation", "Co operation"): each reported at the entry, which is then left out.
   */
  private boolean clashes(String term, List<String> aliases, Position at, Map<String, Position> seen, Map<String, Position> ids, YamlFields fields) {
    List<String> names = new ArrayList<>(List.of(term.strip()));
    names.addAll(aliases);
    boolean clash = false;
    for (String name : names) {
      Position first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
      if (first != null) {
        fields.error(at, "'" + name + "' is already defined by the entry on line " + first.line());
        clash = true;
      }
    }
    // Ids must stay unique.
    Position sameId = clash ? null : ids.putIfAbsent(anchor(term), at);
    if (sameId != null) {
      fields.error(at, "'" + term.strip() + "' has the same anchor '#" + anchor(term) + "' as the entry on line " + sameId.line());
      clash = true;
    }
    return clash;
  }

  private static boolean blankOrComment(String line) {
    return line.isBlank() || line.strip().startsWith("#");
  }

  /** The entry's {@code see} pages, at their places in the file. */
  private static List<LinkRef> see(YNode.YMap map, YamlFields fields, SourceText source) {
    List<LinkRef> see = new ArrayList<>();
    map.get("see").ifPresent(node -> {
      if (fields.unreadable(node)) {
        return;
      }
      if (node instanceof YNode.YList seeList) {
        for (YNode s : seeList.items()) {
          fields.asString(s, "see").ifPresent(url -> see.add(new LinkRef(url.strip(), offset(source, s.position()), false)));
        }
      } else {
        fields.error(node.position(), "'see' must be a list of page paths, such as [behaviours/co-operation.md]");
      }
    });
    return see;
  }

  private static int offset(SourceText source, Position position) {
    return source.lineStart(position.line()) + position.column() - 1;
  }

  /** A stable anchor for a term: lowercase letters and digits joined by hyphens. */
  public static String slug(String term) {
    return org.practicalpartnerships.handbook.model.SitePaths.slug(term);
  }
}
