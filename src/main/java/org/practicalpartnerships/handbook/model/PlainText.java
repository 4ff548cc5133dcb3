package org.practicalpartnerships.handbook.model;

import java.util.function.IntPredicate;

/** Small text helpers shared by stages that compare or index plain text. */
public final class PlainText {
  private PlainText() {}

  /**
   * Each run of characters that {@code isSpace} accepts as one space, then {@link String#strip()}:
   * what {@code replaceAll("[...]+", " ").strip()} gives, without compiling an expression per call.
   */
  public static String collapse(CharSequence text, IntPredicate isSpace) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace.test(c)) {
        inRun = true;
        continue;
      }
      if (inRun) {
        sb.append(' ');
        inRun = false;
      }
      sb.append(c);
    }
    if (inRun) {
      sb.append(' ');
    }
    return sb.toString().strip();
  }
}
