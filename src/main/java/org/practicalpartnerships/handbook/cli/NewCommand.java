package org.practicalpartnerships.handbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.diagnostics.DiagnosticPrinter;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.output.RealPaths;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.source.TextDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code handbook new PATH [--title T]}: creates {@code content/PATH.md} with front matter that
 * builds as it is (a title, a commented-out description to fill in, and an order after its
 * siblings), then prints its path. It never overwrites a file and never writes outside the content
 * folder.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Create a page with front matter to fill in, such as 'handbook new practice/shared-goals'. Never overwrites a file.")
public final class NewCommand implements Callable<Integer> {
  private static final Pattern PLAIN_TITLE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.'()?!&/–—-]*");
  private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

  /** The longest file name common file systems (ext4, APFS, NTFS) take, in bytes. */
  private static final int MAX_NAME_BYTES = 255;

  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The page, relative to the content folder, such as 'practice/shared-goals' ('.md' is added; a path ending in '/' makes that folder's index.md).")
  String path;

  @Option(names = "--title", paramLabel = "T", description = "The page's title (default: made from the file name).")
  String title;

  @Option(names = "--content", paramLabel = "DIR", description = "Folder of Markdown pages (default: ${DEFAULT-VALUE}).", defaultValue = "content")
  Path content;

  private Path workingFolder;

  public NewCommand() {}

  /** For tests, which run the command without {@link Main}. */
  NewCommand(Path workingFolder) {
    this.workingFolder = workingFolder.toAbsolutePath();
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path base = main != null ? main.workingFolder() : workingFolder != null ? workingFolder : Path.of("").toAbsolutePath();
    SourceLoader loader = new SourceLoader(base);
    Path contentFolder = base.resolve(content).toAbsolutePath().normalize();
    if (!Files.isDirectory(contentFolder)) {
      err.println("handbook: no content folder at '" + loader.display(contentFolder) + "' (use --content DIR)");
      return Main.USAGE;
    }
    if (title != null && (title.isBlank() || title.chars().anyMatch(Character::isISOControl))) {
      err.println("handbook: --title must be one line of text");
      return Main.USAGE;
    }
    Path target;
    try {
      target = target(base, contentFolder);
    } catch (InvalidPathException e) {
      err.println("handbook: '" + TerminalText.visible(path) + "' is not a usable file name: " + e.getReason());
      return Main.INPUT_ERRORS;
    }
    Optional<Refusal> refused = refuseName(loader, contentFolder, target);
    if (refused.isPresent()) {
      err.println("handbook: " + refused.get().message());
      return refused.get().exit();
    }
    Path given = target;
    target = addressForm(contentFolder, target);
    if (!target.equals(given)) {
      err.println("handbook: named the page " + loader.display(target) + ", not " + loader.display(given)
          + ": a page's address comes from its file name, and addresses read best in lowercase words joined by hyphens");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Refusal exists = exists(loader, target);
      err.println("handbook: " + exists.message());
      return exists.exit();
    }
    String pageTitle = title != null ? title.strip() : titleFromName(given);
    String text = page(pageTitle, nextOrder(target));
    Diagnostics check = new Diagnostics();
    if (new FrontMatterParser().parse(new SourceText(loader.display(target), text), check).isEmpty() || check.hasErrors()) {
      DiagnosticPrinter.print(check.sorted(), err);
      err.println("handbook: internal error: the new page would not build; this is a bug in handbook, please report it");
      return 70;
    }
    Optional<Refusal> failed = write(loader, target, text);
    if (failed.isPresent()) {
      err.println("handbook: " + failed.get().message());
      return failed.get().exit();
    }
    out.println(loader.display(target));
    return Main.OK;
  }

  /** A refusal: what to tell the user, and the exit code. */
  private record Refusal(String message, int exit) {}

  /** Why the page's name cannot be used, if it cannot: outside the content folder, too long, or ignored by the build. */
  private Optional<Refusal> refuseName(SourceLoader loader, Path contentFolder, Path target) throws IOException {
    boolean climbs = List.of(path.split("[/\\\\]")).contains("..");
    if (target == null || climbs || !target.startsWith(contentFolder) || target.equals(contentFolder) || !insideForReal(target, contentFolder)) {
      return Optional.of(new Refusal("'" + TerminalText.visible(path) + "' is outside the content folder " + loader.display(contentFolder) + "; give a path inside it, such as 'practice/new-page'", Main.INPUT_ERRORS));
    }
    Optional<String> longName = tooLong(contentFolder.relativize(target));
    if (longName.isPresent()) {
      return Optional.of(new Refusal("the name '" + TerminalText.visible(shorten(longName.get())) + "' is too long for the file system (" + longName.get().getBytes(StandardCharsets.UTF_8).length
          + " bytes; at most " + MAX_NAME_BYTES + "); choose a shorter one", Main.USAGE));
    }
    for (Path part : contentFolder.relativize(target)) {
      if (SourceLoader.isIgnored(part)) {
        return Optional.of(new Refusal("the build ignores '" + TerminalText.visible(part.toString()) + "' (names starting with '.' or '#', or ending in '~'); choose another name", Main.INPUT_ERRORS));
      }
    }
    return Optional.empty();
  }

  private static Refusal exists(SourceLoader loader, Path target) {
    return new Refusal(loader.display(target) + " already exists; nothing was changed (choose another name, or edit that page)", Main.INPUT_ERRORS);
  }

  /** Writes the new page, never over an existing file; a refusal when the file system will not. */
  private static Optional<Refusal> write(SourceLoader loader, Path target, String text) {
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return Optional.of(exists(loader, target));
    } catch (IOException e) {
      // A name the file system refuses, a full disk, no permission: the user's to fix, not a bug.
      String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason().toLowerCase(Locale.ROOT) : e.getClass().getSimpleName();
      return Optional.of(new Refusal("cannot create " + loader.display(target) + ": " + why + "; choose another name or folder", Main.USAGE));
    }
    return Optional.empty();
  }

  /**
   * The file to create. PATH is relative to the content folder; a path that already names a place
   * inside the content folder from the working folder (such as {@code content/practice/x}) is taken
   * as it is, so typing the folder name is harmless.
   */
  private Path target(Path base, Path contentFolder) {
    if (path.isBlank()) {
      return null;
    }
    boolean folder = path.endsWith("/") || path.endsWith("\\");
    Path given = Path.of(path);
    Path fromBase = base.resolve(given).normalize();
    Path file = !given.isAbsolute() && fromBase.startsWith(contentFolder) && !fromBase.equals(contentFolder)
        ? fromBase
        : contentFolder.resolve(given).normalize();
    if (folder) {
      return file.resolve("index.md");
    }
    String name = file.getFileName().toString();
    return name.endsWith(".md") ? file : file.resolveSibling(name + ".md");
  }

  /**
   * The file with every part of its path that does not exist yet in address form ({@link
   * #addressName}): {@code Another_Page.md} becomes {@code another-page.md}. Folders that exist
   * keep their names, whatever they are.
   */
  static Path addressForm(Path contentFolder, Path target) {
    Path result = contentFolder;
    for (Path part : contentFolder.relativize(target)) {
      Path existing = result.resolve(part);
      String name = part.toString();
      boolean markdown = name.endsWith(".md");
      String stem = markdown ? name.substring(0, name.length() - 3) : name;
      result = Files.exists(existing, LinkOption.NOFOLLOW_LINKS) ? existing : result.resolve(addressName(stem) + (markdown ? ".md" : ""));
    }
    return result;
  }

  /**
   * A name as addresses are best written: lowercase letters and digits joined by single hyphens,
   * accents dropped ({@code Café_Notes} → {@code cafe-notes}). A name with no such letters at all
   * is only lowercased.
   */
  static String addressName(String name) {
    String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    String words = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return words.isEmpty() ? name.toLowerCase(Locale.ROOT) : words;
  }

  /**
   * True when the file, symbolic links followed (dangling ones too, to where they would lead),
   * really lies in the content folder; false when links on the way form a loop.
   */
  private static boolean insideForReal(Path target, Path contentFolder) throws IOException {
    try {
      Path real = RealPaths.of(target);
      Path realContent = contentFolder.toRealPath();
      return real.startsWith(realContent) && !real.equals(realContent);
    } catch (FileSystemLoopException e) {
      return false;
    }
  }

  /** The first part of the path longer than file systems allow (255 bytes), if any. */
  private static Optional<String> tooLong(Path relative) {
    for (Path part : relative) {
      if (part.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        return Optional.of(part.toString());
      }
    }
    return Optional.empty();
  }

  private static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 30) + "…" + name.substring(name.length() - 9);
  }

  /** "shared-goals.md" → "Shared goals"; an index page takes its folder's name. */
  static String titleFromName(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.md$", "");
    if (name.equals("index") && file.getParent() != null && file.getParent().getFileName() != null) {
      name = file.getParent().getFileName().toString();
    }
    String words = name.replace('-', ' ').replace('_', ' ').strip().replaceAll("\\s+", " ");
    if (words.isEmpty()) {
      return "New page";
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** One more than the highest {@code order} among the pages beside it, or 1. */
  private static int nextOrder(Path target) throws IOException {
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      return 1;
    }
    OptionalInt highest = OptionalInt.empty();
    try (DirectoryStream<Path> pages = Files.newDirectoryStream(folder, "*.md")) {
      for (Path page : pages) {
        if (page.getFileName().toString().equals("index.md") || !Files.isRegularFile(page)) {
          continue;
        }
        OptionalInt order = order(page);
        if (order.isPresent() && (highest.isEmpty() || order.getAsInt() > highest.getAsInt())) {
          highest = order;
        }
      }
    }
    return highest.isPresent() ? highest.getAsInt() + 1 : 1;
  }

  /** A neighbour's {@code order}, read as the build reads it; empty when it has none or cannot be read. */
  private static OptionalInt order(Path page) {
    try {
      if (TextDecoder.decode(page.toString(), Files.readAllBytes(page)) instanceof TextDecoder.Decoded decoded) {
        return new FrontMatterParser().parse(decoded.text(), new Diagnostics()).map(parsed -> parsed.frontMatter().order()).orElse(OptionalInt.empty());
      }
      return OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      // An unreadable neighbour only means the order is a guess.
      return OptionalInt.empty();
    }
  }

  static String page(String title, int order) {
    return "---\n"
        + "title: " + yamlText(title) + "\n"
        + "# description: One sentence saying what this page is for; remove the '#' at the start of this line and fill it in.\n"
        + "order: " + order + "\n"
        + "---\n"
        + "\n"
        + "Write the page here. The layout prints the title, so start sections at `##`.\n";
  }

  /** The title as a YAML scalar: plain when that reads back as the same text, else double-quoted. */
  static String yamlText(String text) {
    if (PLAIN_TITLE.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT)) && !text.matches("[-+.0-9 ]+")) {
      return text;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
