package org.practicalpartnerships.handbook.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * A handbook written file by file into a folder, built with the real templates through the
 * command line, and its pages read back as a reader's browser would parse them.
 */
public final class TestSite {
  private final Path dir;
  private String stderr = "";

  public TestSite(Path dir) {
    this.dir = dir;
  }

  /** Writes a file under the handbook's folder, such as {@code content/index.md}. */
  public TestSite write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return this;
  }

  /** A page with front matter: the title, a description and the body. */
  public TestSite page(String path, String title, String body) throws IOException {
    return write("content/" + path, "---\ntitle: " + title + "\ndescription: About " + title.toLowerCase() + ".\n---\n\n" + body + "\n");
  }

  /** Runs {@code handbook build} (with {@code extra} options) into {@code site/}; returns the exit code. */
  public int build(String... extra) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("build", "--templates", Path.of("templates").toAbsolutePath().toString()));
    args.addAll(List.of(extra));
    int code = Main.run(args.toArray(String[]::new), dir, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** What the last build printed to stderr: its diagnostics. */
  public String stderr() {
    return stderr;
  }

  /** The built site folder. */
  public Path out() {
    return dir.resolve("site");
  }

  /** A built page, parsed. */
  public Document read(String path) throws IOException {
    return Jsoup.parse(out().resolve(path).toFile(), "UTF-8");
  }
}
