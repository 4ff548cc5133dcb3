package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.outputs.SearchOutput;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.pipeline.Reuse;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * A text edit's update puts off what holds every page: the edited page is written first, and the
 * print page and the search index are handed to the sink to be made after (in {@code serve}, once
 * the browser has been told to reload), and are then what a fresh build makes.
 */
class PageUpdateTest {
  @TempDir Path dir;

  /** Records what the update writes, in order, and keeps what it puts off without making it. */
  private static final class Recording implements OutputSink {
    final List<String> events = new ArrayList<>();
    final Map<String, List<byte[]>> written = new LinkedHashMap<>();
    final Map<String, Supplier<List<byte[]>>> putOff = new LinkedHashMap<>();

    @Override
    public void write(String path, List<byte[]> chunks) {
      events.add("write " + path);
      written.put(path, chunks);
    }

    @Override
    public void writeLater(String path, Supplier<List<byte[]>> make) {
      events.add("later " + path);
      putOff.put(path, make);
    }
  }

  @Test
  void theEditedPageIsWrittenAndWhatHoldsEveryPageIsMadeAfter() throws IOException {
    Path content = dir.resolve("real");
    TestFiles.copyTree(TestFiles.SAMPLE_CONTENT, content);
    SourceLoader loader = new SourceLoader(dir);
    BuildRequest request = new BuildRequest(content, Path.of("templates").toAbsolutePath(), false);
    Pipeline pipeline = new Pipeline(loader, new MarkdownEngine(), "test");
    ServeCache cache = new ServeCache();
    assertTrue(pipeline.build(request, new Diagnostics(), cache, OutputSink.DISCARD, stage -> {}).isPresent());
    PageUpdate update = new PageUpdate(pipeline, cache);

    for (String[] edit : new String[][] {
        {"behaviours/co-operation.md", "## ", "A paragraph added while the preview runs.\n\n## "},
        {"practice/shared-goals.md", "## ", "Another paragraph, with a glossary-free sentence.\n\n## "},
        {"index.md", "## Source", "A new line on the home page.\n\n## Source"}}) {
      Path page = content.resolve(edit[0]);
      IncrementalRebuildTest.edit(page, edit[1], edit[2]);
      Recording sink = new Recording();
      assertTrue(update.update(List.of(loader.reloadPage(content, page).orElseThrow()), new Diagnostics(), sink).isPresent(), edit[0]);
      assertEquals(SearchOutput.entryBytes(cache.last().orElseThrow().site()), update.searchEntryBytes(),
          "the search entries' total, found from the last one and the pages redone, is the total of every page's");
      String html = edit[0].replace(".md", ".html");
      assertEquals(List.of("write " + html, "later print.html", "later search-index.js"), sink.events, "the page first, then the rest put off");

      MemorySink fresh = new MemorySink();
      assertTrue(new Pipeline(loader, new MarkdownEngine(), "test").build(request, new Diagnostics(), Reuse.NOTHING, fresh, stage -> {}).isPresent());
      assertArrayEquals(fresh.files().get(html), joined(sink.written.get(html)), html);
      for (Map.Entry<String, Supplier<List<byte[]>>> later : sink.putOff.entrySet()) {
        assertArrayEquals(fresh.files().get(later.getKey()), joined(later.getValue().get()), later.getKey() + " after editing " + edit[0]);
      }
      assertTrue(new String(joined(sink.putOff.get("print.html").get()), java.nio.charset.StandardCharsets.UTF_8).contains(edit[2].strip().split("\n")[0]));
    }
  }

  private static byte[] joined(List<byte[]> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
