package org.practicalpartnerships.handbook.yaml;

import java.util.List;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * One problem found while reading YAML, as a value: callers that need to treat a kind of problem
 * their own way (the decision tree names a duplicate node id as such) look at {@link #kind()},
 * never at the message's words.
 *
 * @param kind what sort of problem it is
 * @param position where it is in the file
 * @param message the message for the editor, with what to do
 * @param key for {@link Kind#DUPLICATE_KEY}, the key given twice; else ""
 * @param first for {@link Kind#DUPLICATE_KEY}, where the key was first given; else null
 * @param path the keys that lead from the document's root to the map the problem is in (a list
 *     item shows as its index, such as {@code "2"}); empty at the root or when unknown
 */
public record YamlProblem(Kind kind, Position position, String message, String key, Position first, List<String> path) {
  public YamlProblem {
    path = List.copyOf(path);
  }

  public enum Kind {
    /** The text is not valid YAML. */
    SYNTAX,
    /** A key given twice in one map. */
    DUPLICATE_KEY,
    /** A type tag or a key that is not plain data. */
    NOT_ALLOWED,
    /** Too large, too deep, or too many aliases or values. */
    LIMIT
  }

  public Diagnostic diagnostic(SourceText source) {
    return source.error(position, message);
  }
}
