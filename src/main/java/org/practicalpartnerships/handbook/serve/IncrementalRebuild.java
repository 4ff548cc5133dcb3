package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.build.BuildCache;
import org.practicalpartnerships.handbook.build.BuildOutput;
import org.practicalpartnerships.handbook.build.BuildRequest;
import org.practicalpartnerships.handbook.build.Builder;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The {@link Rebuild} that {@code serve} uses: the whole pipeline on every change, with a {@link
 * BuildCache} so that only what the change affects is parsed and rendered again (an unchanged
 * page is not parsed; a page whose template data did not change is not rendered). The first
 * build is written with {@link OutputWriter}; after that only the files that changed are written
 * (each atomically) and those whose source is gone are deleted. Changed output paths are found
 * by comparing each file's fingerprint with the previous build.
 */
public final class IncrementalRebuild implements Rebuild {
  private final SourceLoader loader;
  private final MarkdownEngine markdown;
  private final String version;
  private final BuildRequest request;
  private final Path output;
  private Map<String, String> previous = Map.of();
  private final BuildCache cache = new BuildCache();

  /**
   * @param output the preview's output folder: empty, or written by an earlier rebuild
   */
  public IncrementalRebuild(SourceLoader loader, MarkdownEngine markdown, String version, BuildRequest request, Path output) {
    this.loader = loader;
    this.markdown = markdown;
    this.version = version;
    this.request = request;
    this.output = output;
  }

  @Override
  public synchronized BuildResult rebuild(Set<Path> changedPaths) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    MemorySink files = new MemorySink();
    Optional<BuildOutput> built = new Builder(loader, markdown, version).build(request, diagnostics, stage -> {}, cache, files);
    if (built.isEmpty() || diagnostics.hasErrors()) {
      return BuildResult.failure(diagnostics.sorted());
    }
    BuildOutput out = built.get();
    Map<String, byte[]> written = files.files();
    Map<String, String> fingerprints = new HashMap<>();
    written.forEach((path, bytes) -> fingerprints.put(path, sha256(bytes)));
    for (Map.Entry<String, Path> copy : out.copies().entrySet()) {
      BasicFileAttributes attributes = Files.readAttributes(copy.getValue(), BasicFileAttributes.class);
      fingerprints.put(copy.getKey(), copy.getValue() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
    }
    Set<String> changed = new HashSet<>();
    fingerprints.forEach((path, fingerprint) -> {
      if (!fingerprint.equals(previous.get(path))) {
        changed.add(path);
      }
    });
    for (String path : previous.keySet()) {
      if (!fingerprints.containsKey(path)) {
        changed.add(path);
      }
    }
    if (previous.isEmpty()) {
      new OutputWriter().write(output, written, out.copies());
    } else {
      writeChanged(written, out, changed);
    }
    previous = fingerprints;
    return new BuildResult(true, diagnostics.sorted(), changed);
  }

  /** Writes the changed files in place, each through a temporary file and a rename. */
  private void writeChanged(Map<String, byte[]> files, BuildOutput out, Set<String> changed) throws IOException {
    Path root = output.toRealPath();
    for (String path : changed) {
      Path target = root.resolve(path).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("refusing to write outside the preview folder: " + path);
      }
      byte[] bytes = files.get(path);
      Path source = out.copies().get(path);
      if (bytes == null && source == null) {
        Files.deleteIfExists(target);
        continue;
      }
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".handbook-", ".tmp");
      try {
        if (bytes != null) {
          Files.write(temporary, bytes);
        } else {
          Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder sb = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
