package org.practicalpartnerships.handbook.source;

import java.util.Optional;

/**
 * Which names content files and folders may have: names whose pages and files can be linked to
 * as they are written, from any page, on any web server and file system.
 *
 * <p>A name may hold letters and digits of any script, accents and other marks, and {@code - _ .
 * ~ ! $ & ' ( ) + , ; = @}. Refused, because they have a meaning in a web address or cannot be
 * written in one as they are: spaces and other blank characters, {@code # ? % : / \ * " < > | ^ `
 * { } [ ]}, control characters, and invisible characters such as right-to-left overrides and
 * zero-width joiners (which can make a name look like another). A refused name gets a suggestion:
 * {@code my page.md} becomes {@code my-page.md}.
 */
public final class FileNames {
  private static final String ALLOWED_ASCII = "-_.~!$&'()+,;=@";

  private FileNames() {}

  /** Why a file or folder name cannot be published, with a suggestion; empty when it can. */
  public static Optional<String> problem(String name) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (!allowed(c)) {
        return Optional.of("the name '" + printable(name) + "' has " + describe(c) + ", which "
            + (c == '%' || c == '#' || c == '?' || c == ':' ? "has a meaning in web addresses" : "cannot be written in a web address as it is")
            + ", so links to it would break; rename it, for example to '" + suggestion(name) + "'");
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  static boolean allowed(int c) {
    if (c < 0x80) {
      return Character.isLetterOrDigit(c) || ALLOWED_ASCII.indexOf(c) >= 0;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  private static String describe(int c) {
    if (c == ' ') {
      return "a space";
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "a blank character (U+" + String.format("%04X", c) + ")";
    }
    if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.CONTROL) {
      return "a control character (U+" + String.format("%04X", c) + ")";
    }
    if (c >= 0x80) {
      return "an invisible character (U+" + String.format("%04X", c) + ")";
    }
    return "'" + Character.toString(c) + "'";
  }

  /** The name with control characters shown as U+XXXX, so the message prints safely. */
  private static String printable(String name) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format("\\u%04X", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  /** The name with each run of refused characters made a hyphen: {@code my page.md} gives {@code my-page.md}. */
  static String suggestion(String name) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    StringBuilder sb = new StringBuilder();
    stem.codePoints().forEach(c -> {
      if (allowed(c)) {
        sb.appendCodePoint(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    });
    String clean = sb.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
    StringBuilder ext = new StringBuilder();
    extension.codePoints().filter(FileNames::allowed).forEach(ext::appendCodePoint);
    return (clean.isEmpty() ? "page" : clean) + ext;
  }
}
