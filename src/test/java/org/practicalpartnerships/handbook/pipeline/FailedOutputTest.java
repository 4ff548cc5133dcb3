package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.outputs.ContentPages;
import org.practicalpartnerships.handbook.outputs.ContentView;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.Outputs;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The outputs seam: an output whose data file has errors declares the addresses it would have
 * made, and links into them are not reported as missing too. Shown with a stand-in for any such
 * tool, a survey (survey.yml in, survey/index.html and a page per question out).
 */
class FailedOutputTest {
  @TempDir Path dir;

  /** Makes survey/index.html and survey/q1.html from survey.yml, or fails on a file that says "broken". */
  static final class Survey implements Output {
    @Override
    public List<String> dataFiles() {
      return List.of("survey.yml");
    }

    @Override
    public ContentPages contentPages(ContentView view) {
      Optional<ContentFile> file = view.sources().dataFile("survey.yml");
      if (file.isEmpty()) {
        return ContentPages.NONE;
      }
      if (file.get().text().text().contains("broken")) {
        view.diagnostics().add(file.get().text().error(1, 1, "the survey is broken"));
        return ContentPages.failed(List.of(), Set.of("survey/"));
      }
      List<Page> pages = new ArrayList<>();
      for (String path : List.of("survey/index.html", "survey/q1.html")) {
        FrontMatter fm = new FrontMatter("Survey", "", OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
        pages.add(Page.fromData(PageKind.TREE, false, path, file.get().text(), fm, "<p>Q</p>", List.of(), Set.of(), List.of()));
      }
      return new ContentPages(pages, List.of(), java.util.Map.of(), java.util.Map.of());
    }
  }

  List<String> build() throws IOException {
    List<Output> outputs = new ArrayList<>(Outputs.ALL);
    outputs.add(new Survey());
    Diagnostics diagnostics = new Diagnostics();
    Path content = dir.resolve("content");
    new Pipeline(new SourceLoader(dir), new MarkdownEngine(), "test", outputs)
        .build(new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), diagnostics, Reuse.NOTHING, new MemorySink(), stage -> {});
    return diagnostics.sorted().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void linksIntoAFailedOutputAreNotReportedButItsErrorIs() throws IOException {
    write("content/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\nTake [the survey](survey/index.html), or [question 1](survey/q1.html#why).\n\nBut [this](nowhere.md) is missing.\n");
    write("content/survey.yml", "title: fine\n");
    assertEquals(List.of(
        "content/index.md:6:55: error: no heading or anchor '#why' on 'survey/q1.html'",
        "content/index.md:8:12: error: no page or file 'nowhere.md' in the content folder"), build(), "made: its pages are checked as any");
    write("content/survey.yml", "broken\n");
    assertEquals(List.of(
        "content/index.md:8:12: error: no page or file 'nowhere.md' in the content folder",
        "content/survey.yml:1:1: error: the survey is broken"), build(), "failed: only its own error");
    Files.delete(dir.resolve("content/survey.yml"));
    assertEquals(List.of(
        "content/index.md:6:19: error: no page or file 'survey/index.html' in the content folder",
        "content/index.md:6:55: error: no page or file 'survey/q1.html' in the content folder",
        "content/index.md:8:12: error: no page or file 'nowhere.md' in the content folder"), build(), "no data file: nothing to link to");
  }
}
