package org.practicalpartnerships.handbook.markdown;

/**
 * Counts the work flexmark does on a page beyond reading it once, where it does more: a step that
 * reads on to the end of a paragraph again for each of thousands of unclosed brackets, or walks
 * back over every earlier bracket. The count depends only on the text, so the same page always
 * passes or always fails; past {@link #LIMIT} the page is refused ({@link
 * MarkdownEngine.TooComplex}) in a fraction of a second instead of taking minutes. Ordinary
 * writing, however long, spends a small part of the limit.
 *
 * <p>One meter per page being rendered, on the rendering thread ({@link MarkdownEngine#render}
 * starts and ends it); the inline parser and the guarded extensions spend from it.
 */
final class WorkMeter {
  /**
   * The most steps one page may take beyond reading it once: about a second of parsing. A step is
   * about the cost of reading one character again; heavier work counts as several ({@link
   * #OPEN_BLOCK}).
   */
  static final long LIMIT = 100_000_000L;

  /** Steps for carrying one line through one block that is still open. */
  static final int OPEN_BLOCK = 30;

  /** Steps for each top-level block flexmark searches when it renders one footnote. */
  static final int FOOTNOTE_SEARCH = 3;

  private static final ThreadLocal<WorkMeter> CURRENT = new ThreadLocal<>();

  private long spent;

  private WorkMeter() {}

  /** Starts counting for the page about to be rendered on this thread. */
  static void begin() {
    CURRENT.set(new WorkMeter());
  }

  /** Stops counting on this thread. */
  static void end() {
    CURRENT.remove();
  }

  /**
   * Counts {@code steps} of work done for the text at {@code offset} (in the rendered text).
   *
   * @throws MarkdownEngine.TooComplex when the page has now spent more than {@link #LIMIT}
   */
  static void spend(long steps, int offset) {
    WorkMeter meter = CURRENT.get();
    if (meter == null) {
      return;
    }
    meter.spent += steps;
    if (meter.spent > LIMIT) {
      throw new MarkdownEngine.TooComplex(offset, "this page would take minutes to read: from here it leaves thousands of '[', '(' or '<' open, or nests"
          + " thousands of blocks inside each other, and passes the limit of " + LIMIT / 1_000_000 + " million steps for one page; close what it opens, or split it up");
    }
  }
}
