package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.build.BuildRequest;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.source.SourceLoader;

/** The default rebuild: whole build, written atomically, reporting which outputs changed. */
class IncrementalRebuildTest {
  @TempDir Path dir;
  Path out;
  IncrementalRebuild rebuild;

  @BeforeEach
  void handbook() throws IOException {
    write("content/index.md", "---\ntitle: Home\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\n---\n\nText.\n");
    write("content/picture.png", "png");
    write("templates/page.ftlh", ServeSessionTest.TEMPLATE);
    out = Files.createDirectory(dir.resolve("out"));
    rebuild = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(dir.resolve("content"), dir.resolve("templates"), false), out);
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void theFirstBuildChangesEverythingAndAnUnchangedOneNothing() throws IOException {
    BuildResult first = rebuild.rebuild(Set.of(dir.resolve("content")));
    assertTrue(first.success(), first.diagnostics().toString());
    assertTrue(first.changedOutputs().containsAll(Set.of("index.html", "guide.html", "picture.png", "404.html")), first.changedOutputs().toString());
    assertTrue(Files.exists(out.resolve(OutputWriter.MARKER)));
    assertTrue(Files.exists(out.resolve("guide.html")));
    assertEquals(Set.of(), rebuild.rebuild(Set.of(dir.resolve("content/guide.md"))).changedOutputs());
  }

  @Test
  void anEditChangesThePageAndWhatShowsIt() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    write("content/guide.md", "---\ntitle: Guide\n---\n\nNew text.\n");
    BuildResult second = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertTrue(second.changedOutputs().contains("guide.html"), second.changedOutputs().toString());
    assertFalse(second.changedOutputs().contains("index.html"), second.changedOutputs().toString());
    assertTrue(Files.readString(out.resolve("guide.html")).contains("New text."));
  }

  @Test
  void aDeletedPageIsAChangedOutputAndLeavesTheFolder() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    Files.delete(dir.resolve("content/picture.png"));
    BuildResult second = rebuild.rebuild(Set.of(dir.resolve("content/picture.png")));
    assertTrue(second.changedOutputs().contains("picture.png"), second.changedOutputs().toString());
    assertFalse(Files.exists(out.resolve("picture.png")));
  }

  @Test
  void aFailedBuildLeavesTheLastGoodOutput() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    write("content/guide.md", "---\ntitle: Guide\n---\n\n[broken](missing.md)\n");
    BuildResult failed = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertFalse(failed.success());
    assertTrue(failed.hasErrors());
    assertEquals(Set.of(), failed.changedOutputs());
    assertTrue(failed.diagnostics().stream().anyMatch(d -> d.file().equals("content/guide.md") && d.line() == 5), failed.diagnostics().toString());
    assertTrue(Files.readString(out.resolve("guide.html")).contains("Text."));
  }
}
