package org.practicalpartnerships.handbook.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;

/**
 * Reads the content folder: every file, sorted by path, with symlinks that lead outside the folder
 * refused, Markdown and YAML decoded as strict UTF-8, names that links cannot hold as they are
 * refused ({@link FileNames}), and output-path collisions (including names that differ only in
 * case or in Unicode normalisation, which clash on macOS and Windows) reported.
 */
public final class SourceLoader {
  private final Path displayBase;

  /** @param displayBase the folder that diagnostic paths are shown relative to (the working folder) */
  public SourceLoader(Path displayBase) {
    this.displayBase = displayBase.toAbsolutePath().normalize();
  }

  /** The path as a user would type it from the working folder. */
  public String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String shown = abs.startsWith(displayBase) ? displayBase.relativize(abs).toString() : abs.toString();
    return shown.isEmpty() ? "." : shown.replace('\\', '/');
  }

  /**
   * Loads the content folder.
   *
   * @param dataFiles relative paths of YAML files the generator reads itself; other files are assets
   */
  public SourceSet load(Path contentRoot, Set<String> dataFiles, Diagnostics diagnostics) {
    return load(contentRoot, dataFiles, Set.of(), diagnostics);
  }

  /**
   * Loads the content folder, refusing folders at the address of a file the build writes: a
   * folder named like a page ({@code references.html/} beside {@code references.md}), like a
   * file, or like one of {@code generatedFiles}. Such a folder would stop the file being written
   * (names that differ only in case included, as they clash on macOS and Windows).
   *
   * @param dataFiles relative paths of YAML files the generator reads itself; other files are assets
   * @param generatedFiles site paths of files the build makes itself ({@code search-index.js}, ...)
   */
  public SourceSet load(Path contentRoot, Set<String> dataFiles, Set<String> generatedFiles, Diagnostics diagnostics) {
    Path root;
    try {
      root = contentRoot.toRealPath();
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(display(contentRoot), Severity.ERROR, "cannot read the content folder: " + e.getMessage()));
      return new SourceSet(List.of(), List.of(), List.of());
    }
    List<Path> folders = new ArrayList<>();
    Path start = contentRoot.toAbsolutePath().normalize();
    List<Found> files = walk(start, root, folders, diagnostics);
    reportNames(start, files, diagnostics);
    List<ContentFile> loaded = files.parallelStream().map(f -> read(f.file(), f.relative(), dataFiles, diagnostics)).filter(f -> f != null).toList();
    List<ContentFile> published = loaded.stream().filter(f -> !dataFiles.contains(f.relativePath())).toList();
    reportCollisions(published, diagnostics);
    reportFolderClashes(contentRoot.toAbsolutePath().normalize(), folders, published, generatedFiles, diagnostics);
    List<ContentFile> pages = new ArrayList<>();
    List<ContentFile> data = new ArrayList<>();
    List<ContentFile> assets = new ArrayList<>();
    for (ContentFile f : loaded) {
      if (f.isMarkdown()) {
        pages.add(f);
      } else if (dataFiles.contains(f.relativePath())) {
        data.add(f);
      } else {
        assets.add(f);
      }
    }
    return new SourceSet(List.copyOf(pages), List.copyOf(data), List.copyOf(assets));
  }

  /** A file found in the content folder, with its path relative to the folder ({@code guide/steps.md}). */
  private record Found(Path file, String relative) {}

  private List<Found> walk(Path start, Path realRoot, List<Path> folders, Diagnostics diagnostics) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          start,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
              if (!dir.equals(start) && isIgnored(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!dir.toRealPath().startsWith(realRoot)) {
                diagnostics.add(Diagnostic.ofFile(display(dir), Severity.ERROR, "this symbolic link leads outside the content folder; move the files into it instead"));
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!dir.equals(start)) {
                folders.add(dir);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              if (isIgnored(file) || !attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              // Its folder's real path was found inside (preVisitDirectory), so only a link can lead out.
              if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(realRoot)) {
                diagnostics.add(Diagnostic.ofFile(display(file), Severity.ERROR, "this symbolic link leads outside the content folder; copy the file into it instead"));
              } else {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              String why = e instanceof FileSystemLoopException ? "symbolic links form a loop here" : "cannot read: " + e.getMessage();
              diagnostics.add(Diagnostic.ofFile(display(file), Severity.ERROR, why));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Each file's relative path made once, for the sort and every later use.
    List<Found> found = new ArrayList<>(files.size());
    files.forEach(p -> found.add(new Found(p, relative(start, p))));
    found.sort(Comparator.comparing(Found::relative));
    return found;
  }

  /**
   * Reads one Markdown page again, for a rebuild that knows which file changed, with the checks
   * {@link #load} makes: inside the content folder (symbolic links followed), in no hidden folder,
   * strict UTF-8.
   *
   * @return the page; empty when the file is not such a page or cannot be read or decoded, and
   *     the caller should load the whole folder (which reports why)
   */
  public Optional<ContentFile> reloadPage(Path contentRoot, Path file) {
    Path root = contentRoot.toAbsolutePath().normalize();
    Path path = file.toAbsolutePath().normalize();
    if (!path.startsWith(root) || path.equals(root) || !path.getFileName().toString().endsWith(".md") || !Files.isRegularFile(path)) {
      return Optional.empty();
    }
    for (Path part : root.relativize(path)) {
      if (isIgnored(part)) {
        return Optional.empty();
      }
    }
    try {
      if (!path.toRealPath().startsWith(root.toRealPath())) {
        return Optional.empty();
      }
      ContentFile read = read(path, relative(root, path), Set.of(), new Diagnostics());
      return Optional.ofNullable(read);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Hidden files and editors' backup files are never content. */
  public static boolean isIgnored(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") || name.endsWith("~") || (name.startsWith("#") && name.endsWith("#"));
  }

  private ContentFile read(Path file, String rel, Set<String> dataFiles, Diagnostics diagnostics) {
    boolean text = rel.endsWith(".md") || dataFiles.contains(rel);
    if (!text) {
      return new ContentFile(rel, file, null);
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      TextDecoder.Result decoded = TextDecoder.decode(display(file), bytes);
      if (decoded instanceof TextDecoder.Decoded d) {
        return new ContentFile(rel, file, d.text());
      }
      diagnostics.add(((TextDecoder.Invalid) decoded).diagnostic());
      return null;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(display(file), Severity.ERROR, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  private static String relative(Path root, Path file) {
    // A file found under root prints as root's text, a separator and the rest: cut, not relativize.
    String folder = root.toString();
    String path = file.toString();
    String rest = path.length() > folder.length() + 1 && path.startsWith(folder) && path.charAt(folder.length()) == java.io.File.separatorChar
        ? path.substring(folder.length() + 1)
        : root.relativize(file).toString();
    return rest.replace('\\', '/');
  }

  /** The output path a content file will have: pages become .html, other files keep their name. */
  public static String outputPath(String relativePath) {
    return relativePath.endsWith(".md") ? relativePath.substring(0, relativePath.length() - 3) + ".html" : relativePath;
  }

  /**
   * An error at each file or folder whose name links cannot hold as it is ({@link FileNames}),
   * once per folder however many files it has.
   */
  private void reportNames(Path root, List<Found> files, Diagnostics diagnostics) {
    Set<String> reported = new HashSet<>();
    Set<String> fineFolders = new HashSet<>(); // folders whose name and whose parents' names are fine
    for (Found file : files) {
      String relative = file.relative();
      for (int start = 0; ; ) {
        int slash = relative.indexOf('/', start);
        int end = slash < 0 ? relative.length() : slash;
        String prefix = relative.substring(0, end);
        if (slash < 0 || !fineFolders.contains(prefix)) {
          Optional<String> problem = FileNames.problem(relative.substring(start, end));
          if (problem.isPresent()) {
            if (reported.add(prefix)) {
              diagnostics.add(Diagnostic.ofFile(display(root.resolve(prefix)), Severity.ERROR, problem.get()));
            }
            break;
          }
          if (slash >= 0) {
            fineFolders.add(prefix);
          }
        }
        if (slash < 0) {
          break;
        }
        start = slash + 1;
      }
    }
  }

  /** A folder whose address is a file's address: the file could not be written. */
  private void reportFolderClashes(Path root, List<Path> folders, List<ContentFile> files, Set<String> generatedFiles, Diagnostics diagnostics) {
    Map<String, ContentFile> addresses = new HashMap<>();
    files.forEach(f -> addresses.putIfAbsent(outputPath(f.relativePath()).toLowerCase(Locale.ROOT), f));
    Map<String, String> generated = new HashMap<>();
    generatedFiles.forEach(path -> generated.put(path.toLowerCase(Locale.ROOT), path));
    for (Path folder : folders) {
      String address = relative(root, folder);
      String key = address.toLowerCase(Locale.ROOT);
      ContentFile file = addresses.get(key);
      if (file != null) {
        diagnostics.add(Diagnostic.ofFile(display(folder), Severity.ERROR, "this folder has the address of '" + display(file.absolutePath()) + "' ("
            + outputPath(file.relativePath()) + "), which is published as a file; rename the folder"));
      } else if (generated.containsKey(key)) {
        diagnostics.add(Diagnostic.ofFile(display(folder), Severity.ERROR, "this folder has the address of a file the build makes ("
            + generated.get(key) + "); rename the folder"));
      }
    }
  }

  /**
   * The key two output paths clash under on some file system: macOS and Windows ignore case, and
   * macOS does not tell apart the two ways of writing an accented letter (NFC {@code é}, NFD
   * {@code e} and a combining accent).
   */
  static String clashKey(String outputPath) {
    return java.text.Normalizer.normalize(outputPath, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static String why(String first, String second) {
    String a = outputPath(first);
    String b = outputPath(second);
    if (a.equals(b)) {
      return "both become the same page";
    }
    java.text.Normalizer.Form nfc = java.text.Normalizer.Form.NFC;
    if (java.text.Normalizer.normalize(a, nfc).equals(java.text.Normalizer.normalize(b, nfc))) {
      return "the names look the same but write an accented letter in two ways (as one character, and as a letter and an accent), which macOS treats as one name";
    }
    return "names that differ only in case are one file on macOS and Windows";
  }

  private void reportCollisions(List<ContentFile> files, Diagnostics diagnostics) {
    Map<String, ContentFile> seen = new HashMap<>();
    for (ContentFile f : files) {
      String key = clashKey(outputPath(f.relativePath()));
      ContentFile first = seen.putIfAbsent(key, f);
      if (first != null) {
        diagnostics.add(
            Diagnostic.ofFile(
                display(f.absolutePath()),
                Severity.ERROR,
                "this file would be published at the same address as '" + display(first.absolutePath())
                    + "' (" + outputPath(f.relativePath()) + "): " + why(first.relativePath(), f.relativePath()) + "; rename one of them"));
      }
    }
  }
}
