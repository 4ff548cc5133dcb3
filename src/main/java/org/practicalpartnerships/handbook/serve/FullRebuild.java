package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.build.BuildOutput;
import org.practicalpartnerships.handbook.build.BuildRequest;
import org.practicalpartnerships.handbook.build.Builder;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The simplest {@link Rebuild}: the whole pipeline on every change, then the whole output written
 * with {@link OutputWriter} (staging folder, then swap), so the server never sees half a build.
 * The changed output paths are found by comparing each file's fingerprint with the previous build.
 */
public final class FullRebuild implements Rebuild {
  private final SourceLoader loader;
  private final MarkdownEngine markdown;
  private final String version;
  private final BuildRequest request;
  private final Path output;
  private Map<String, String> previous = Map.of();

  /**
   * @param output the preview's output folder: empty, or written by an earlier rebuild
   */
  public FullRebuild(SourceLoader loader, MarkdownEngine markdown, String version, BuildRequest request, Path output) {
    this.loader = loader;
    this.markdown = markdown;
    this.version = version;
    this.request = request;
    this.output = output;
  }

  @Override
  public synchronized BuildResult rebuild(Set<Path> changedPaths) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    Optional<BuildOutput> built = new Builder(loader, markdown, version).build(request, diagnostics);
    if (built.isEmpty() || diagnostics.hasErrors()) {
      return BuildResult.failure(diagnostics.sorted());
    }
    BuildOutput out = built.get();
    Map<String, String> fingerprints = new HashMap<>();
    out.files().forEach((path, bytes) -> fingerprints.put(path, sha256(bytes)));
    for (Map.Entry<String, Path> copy : out.copies().entrySet()) {
      BasicFileAttributes attributes = Files.readAttributes(copy.getValue(), BasicFileAttributes.class);
      fingerprints.put(copy.getKey(), copy.getValue() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
    }
    new OutputWriter().write(output, out.files(), out.copies());
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
    previous = fingerprints;
    return new BuildResult(true, diagnostics.sorted(), changed);
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
