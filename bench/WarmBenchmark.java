import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.pipeline.Reuse;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.serve.IncrementalRebuild;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * Times, in one JVM: a warm full rebuild (the whole pipeline again, JIT warmed up, no cache) and
 * one-page changes as `serve` handles them (IncrementalRebuild with its build cache): a change to
 * a page's text (until the page is written and the reload sent, and until the print page and the
 * search index that follow in the background are written too), and a change to its title, which
 * other pages show. Prints medians. Figures, not tests.
 *
 * <p>Run: {@code java -cp target/handbook.jar bench/WarmBenchmark.java CONTENT_FOLDER [ROUNDS]}
 */
public class WarmBenchmark {
  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path templates = Path.of("templates").toAbsolutePath();
    SourceLoader loader = new SourceLoader(Path.of(""));
    MarkdownEngine markdown = new MarkdownEngine();
    BuildRequest request = new BuildRequest(content, templates, false);

    Pipeline pipeline = new Pipeline(loader, markdown, "bench");
    List<Long> warm = new ArrayList<>();
    for (int i = 0; i < rounds + 2; i++) {
      long t0 = System.nanoTime();
      pipeline.build(request, new Diagnostics(), Reuse.NOTHING, new MemorySink(), line -> {});
      if (i >= 2) {
        warm.add((System.nanoTime() - t0) / 1_000_000);
      }
    }

    Path out = Files.createTempDirectory("handbook-bench-serve");
    IncrementalRebuild serve = new IncrementalRebuild(loader, markdown, "bench", request, out);
    serve.rebuild(Set.of(content, templates));
    Path page;
    try (var pages = Files.walk(content)) {
      page = pages.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("index.md")).sorted().findFirst().orElseThrow();
    }
    String original = Files.readString(page);
    List<Long> change = new ArrayList<>();
    List<Long> everything = new ArrayList<>();
    List<Long> title = new ArrayList<>();
    try {
      for (int i = 0; i < rounds + 2; i++) {
        Files.writeString(page, original + "\nEdited " + i + ".\n");
        long t0 = System.nanoTime();
        serve.rebuild(Set.of(page));
        long t1 = System.nanoTime();
        // The print page and the search index are written in the background after the page.
        serve.awaitWritten("print.html");
        serve.awaitWritten("search-index.js");
        long t2 = System.nanoTime();
        if (i >= 2) {
          change.add((t1 - t0) / 1_000_000);
          everything.add((t2 - t0) / 1_000_000);
        }
      }
      // A change other pages show (the title: navigation, breadcrumbs, backlinks) takes the whole pipeline.
      for (int i = 0; i < Math.max(3, rounds / 2); i++) {
        Files.writeString(page, original.replaceFirst("title: ", "title: Retitled " + i + " "));
        long t0 = System.nanoTime();
        serve.rebuild(Set.of(page));
        title.add((System.nanoTime() - t0) / 1_000_000);
      }
    } finally {
      Files.writeString(page, original);
      serve.close();
    }
    System.out.printf("%s: warm full rebuild median %d ms %s; in serve, a page's text changed: page written and reload sent in median %d ms %s, print page and search index written by %d ms %s; its title changed: %d ms %s%n",
        content.getFileName(), median(warm), warm, median(change), change, median(everything), everything, median(title), title);
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
