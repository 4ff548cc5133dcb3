package org.practicalpartnerships.handbook.search;

import org.practicalpartnerships.handbook.json.JsonStrings;

/**
 * A tiny compact JSON writer: the index needs strings, string arrays, arrays and objects, nothing
 * more. Strings are escaped so the text is valid JSON and also safe inside a JavaScript file or
 * an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} are written as
 * {@code \}{@code u003c} and so on (so {@code </script>} and {@code <!--} cannot occur), and so
 * are U+2028, U+2029 and unpaired surrogates.
 */
final class Json {

  private final StringBuilder out;
  /** Whether the next value in the current array or object needs a comma before it. */
  private boolean comma;

  Json(int capacity) {
    out = new StringBuilder(capacity);
  }

  Json beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  Json endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  Json beginArray() {
    separate();
    out.append('[');
    comma = false;
    return this;
  }

  Json endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  Json name(String name) {
    separate();
    quote(name);
    out.append(':');
    comma = false;
    return this;
  }

  Json value(String value) {
    separate();
    quote(value);
    comma = true;
    return this;
  }

  Json value(long value) {
    separate();
    out.append(value);
    comma = true;
    return this;
  }

  Json field(String name, String value) {
    return name(name).value(value);
  }

  Json field(String name, Iterable<String> values) {
    name(name).beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  private void separate() {
    if (comma) {
      out.append(',');
    }
  }

  private void quote(String s) {
    JsonStrings.append(out, s);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
