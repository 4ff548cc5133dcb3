package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/**
 * {@code content/glossary.yml} in, checked {@link Term}s out. The file is a list of entries with
 * {@code term}, optional {@code aliases}, {@code definition} (Markdown) and optional {@code see}
 * (paths of pages, relative to the content folder, with optional {@code #section}).
 */
public final class GlossaryLoader {
  public static final String FILE = "glossary.yml";
  public static final List<String> KEYS = List.of("term", "aliases", "definition", "see");

  public List<Term> load(SourceText source, Diagnostics diagnostics) {
    YamlFields fields = new YamlFields(source, diagnostics);
    Optional<YNode> root = new YamlReader(1024 * 1024).read(source, source.text(), 1, diagnostics);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!(root.get() instanceof YNode.YList list)) {
      fields.error(root.get().position(), "the glossary must be a list of entries, each starting with '- term:'");
      return List.of();
    }
    List<Term> terms = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    Map<String, Position> ids = new HashMap<>();
    for (YNode item : list.items()) {
      Optional<YNode.YMap> entry = fields.map(item, "a glossary entry");
      if (entry.isEmpty()) {
        continue;
      }
      YNode.YMap map = entry.get();
      fields.onlyKeys(map, KEYS, "glossary key");
      Optional<String> term = fields.requiredString(map, "term", "a glossary entry");
      Optional<String> definition = fields.requiredString(map, "definition", "a glossary entry");
      List<String> aliases = fields.stringList(map, "aliases").stream().map(String::strip).toList();
      List<LinkRef> see = new ArrayList<>();
      map.get("see").ifPresent(node -> {
        if (node instanceof YNode.YList seeList) {
          for (YNode s : seeList.items()) {
            fields.asString(s, "see").ifPresent(url -> see.add(new LinkRef(url.strip(), offset(source, s.position()), false)));
          }
        } else {
          fields.error(node.position(), "'see' must be a list of page paths, such as [behaviours/co-operation.md]");
        }
      });
      if (term.isEmpty() || definition.isEmpty()) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(term.get().strip()));
      names.addAll(aliases);
      boolean clash = false;
      for (String name : names) {
        Position first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), map.position());
        if (first != null) {
          fields.error(map.position(), "'" + name + "' is already defined by the entry on line " + first.line());
          clash = true;
        }
      }
      // Different words can share a slug ("Co-operation", "Co operation"); ids must stay unique.
      Position sameId = clash ? null : ids.putIfAbsent(slug(term.get()), map.position());
      if (sameId != null) {
        fields.error(map.position(), "'" + term.get().strip() + "' has the same anchor '#" + slug(term.get()) + "' as the entry on line " + sameId.line());
        clash = true;
      }
      if (!clash) {
        Position defAt = map.get("definition").get().position();
        terms.add(new Term(term.get().strip(), slug(term.get()), aliases, definition.get(), offset(source, defAt), see, offset(source, map.position())));
      }
    }
    return List.copyOf(terms);
  }

  private static int offset(SourceText source, Position position) {
    return source.lineStart(position.line()) + position.column() - 1;
  }

  /** A stable anchor for a term: lowercase letters and digits joined by hyphens. */
  public static String slug(String term) {
    return org.practicalpartnerships.handbook.model.SitePaths.slug(term);
  }
}
