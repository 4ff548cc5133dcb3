package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.pipeline.Reuse;
import org.practicalpartnerships.handbook.source.SourceLoader;

/** A build that reuses an earlier build's results (serve's cache) gives exactly the bytes of a fresh build. */
class ServeCacheTest {
  @TempDir Path dir;

  record Result(Map<String, String> files, List<Diagnostic> diagnostics) {}

  Result build(Reuse cache) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    Pipeline pipeline = new Pipeline(new SourceLoader(dir), new MarkdownEngine(), "test");
    MemorySink sink = new MemorySink();
    var out = pipeline.build(new BuildRequest(dir.resolve("content"), TestFiles.TEMPLATES.toAbsolutePath(), false), diagnostics, cache, sink, s -> {});
    Map<String, String> files = new TreeMap<>();
    out.ifPresent(o -> sink.files().forEach((path, bytes) -> files.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8))));
    return new Result(files, diagnostics.sorted());
  }

  void copyContent() throws IOException {
    TestFiles.copyTree(TestFiles.SAMPLE_CONTENT, dir.resolve("content"));
  }

  void edit(String page, String from, String to) throws IOException {
    TestFiles.edit(dir.resolve("content").resolve(page), from, to);
  }

  @Test
  void cachedBuildsGiveTheBytesOfFreshBuildsThroughEditsErrorsAndFixes() throws IOException {
    copyContent();
    ServeCache cache = new ServeCache();
    assertEquals(build(Reuse.NOTHING), build(cache), "first build with an empty cache");
    assertEquals(build(Reuse.NOTHING), build(cache), "second build, all from the cache");

    edit("behaviours/co-operation.md", "title: Co-operation", "title: Co-operation between partners");
    assertEquals(build(Reuse.NOTHING), build(cache), "a title change reaches navigation, breadcrumbs and backlinks of other pages");

    edit("practice/shared-goals.md", "## ", "## [Broken](nowhere.md) ");
    Result broken = build(cache);
    assertEquals(build(Reuse.NOTHING), broken, "an error");
    assertTrue(broken.files().isEmpty() && !broken.diagnostics().isEmpty());

    edit("practice/shared-goals.md", "## [Broken](nowhere.md) ", "## ");
    assertEquals(build(Reuse.NOTHING), build(cache), "fixed again");

    Files.delete(dir.resolve("content/practice/check-up.md"));
    edit("glossary.yml", ", practice/check-up.md]", "]");
    assertEquals(build(Reuse.NOTHING), build(cache), "a page removed");
  }
}
