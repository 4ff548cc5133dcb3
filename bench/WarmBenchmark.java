import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.practicalpartnerships.handbook.build.BuildRequest;
import org.practicalpartnerships.handbook.build.Builder;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.serve.IncrementalRebuild;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * Times, in one JVM: a warm full rebuild (the whole pipeline again, JIT warmed up, no cache) and a
 * one-page change as `serve` handles it (IncrementalRebuild with its build cache, writing only
 * changed files). Prints medians. Figures, not tests.
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

    List<Long> warm = new ArrayList<>();
    for (int i = 0; i < rounds + 2; i++) {
      long t0 = System.nanoTime();
      new Builder(loader, markdown, "bench").build(request, new Diagnostics(), new MemorySink());
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
    try {
      for (int i = 0; i < rounds + 2; i++) {
        Files.writeString(page, original + "\nEdited " + i + ".\n");
        long t0 = System.nanoTime();
        serve.rebuild(Set.of(page));
        if (i >= 2) {
          change.add((System.nanoTime() - t0) / 1_000_000);
        }
      }
    } finally {
      Files.writeString(page, original);
    }
    System.out.printf("%s: warm full rebuild median %d ms %s; one-page change in serve median %d ms %s%n",
        content.getFileName(), median(warm), warm, median(change), change);
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
