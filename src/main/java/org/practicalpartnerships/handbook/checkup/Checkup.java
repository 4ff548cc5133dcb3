package org.practicalpartnerships.handbook.checkup;

import java.math.BigDecimal;
import java.util.List;

/**
 * A checked check-up: statements grouped in themes, answered on one scale. Instances come from
 * {@link CheckupLoader}, which only hands out check-ups that passed every check: ids are unique,
 * every theme has statements, the scale has two to {@link CheckupLoader#MAX_POINTS} points with
 * different scores, and {@code lowBelow} lies within the scale.
 *
 * @param title the page's title
 * @param description one sentence for the page's description, or "" when none
 * @param intro the page's introduction
 * @param scale the points a statement is answered on, in the order they are shown
 * @param unsure the label of the extra "don't know" answer, which scores nothing, or "" when the
 *     check-up has none
 * @param lowBelow a theme whose average score is below this is low
 * @param themes one or more, in order
 */
public record Checkup(String title, String description, Markdown intro, List<Point> scale, String unsure, BigDecimal lowBelow, List<Theme> themes) {
  public Checkup {
    scale = List.copyOf(scale);
    themes = List.copyOf(themes);
  }

  /** The lowest score on the scale. */
  public int minScore() {
    return scale.stream().mapToInt(Point::score).min().orElse(0);
  }

  /** The highest score on the scale. */
  public int maxScore() {
    return scale.stream().mapToInt(Point::score).max().orElse(0);
  }

  /** Every statement, theme by theme: the order of the answer code. */
  public List<Statement> statements() {
    return themes.stream().flatMap(t -> t.statements().stream()).toList();
  }

  /** One point of the scale, such as "Agree", scoring 4. */
  public record Point(int score, String label) {}

  /**
   * A theme: statements that belong together, and what to do when they score low.
   *
   * @param id lowercase letters, digits and hyphens, unique among the themes
   * @param about a short explanation shown under the title, or {@link Markdown#NONE}
   * @param statements one or more
   * @param low what a low score suggests
   * @param links pages of the handbook that help, one or more
   */
  public record Theme(String id, String title, Markdown about, List<Statement> statements, Markdown low, List<HandbookLink> links) {
    public Theme {
      statements = List.copyOf(statements);
      links = List.copyOf(links);
    }
  }

  /**
   * One statement to answer.
   *
   * @param id lowercase letters, digits and hyphens, unique in the check-up
   * @param text the statement, plain text
   */
  public record Statement(String id, String text) {}

  /**
   * A link from a theme into the handbook.
   *
   * @param page the page as written, relative to the content folder, such as {@code
   *     practice/shared-goals.md#steps}
   * @param label the link text
   * @param offset where {@code page} is written in the file
   */
  public record HandbookLink(String page, String label, int offset) {}

  /**
   * Markdown from the file, rendered once when the file is read.
   *
   * @param source the Markdown as written
   * @param html the rendered fragment; its links are still relative to the content folder
   */
  public record Markdown(String source, String html) {
    public static final Markdown NONE = new Markdown("", "");

    public boolean isEmpty() {
      return source.isBlank();
    }
  }
}
