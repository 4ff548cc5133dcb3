import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times a preview server from outside, as an editor meets it: one page's source is edited and
 * saved, and the clock runs until the server answers that page's address with the edit in it.
 * The same for any server (handbook serve, hugo server), so the two are compared like for like.
 *
 * <pre>
 * java bench/EditToServed.java URL FILE RUNS text|title [PAUSE_MS]
 * </pre>
 *
 * "text" adds a sentence at the end of the page; "title" changes the page's front-matter title,
 * which other pages show too. Prints each run and the median in milliseconds, as "median N ms".
 * The file is put back as it was at the end. Between edits the clock waits PAUSE_MS, 1,500 by
 * default, which lets the work a server does after answering (search index, PDFs) finish; a short
 * pause times edits saved in quick succession, as an editor's autosave makes them.
 */
public final class EditToServed {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    Path file = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    boolean title = args[3].equals("title");
    long pause = args.length > 4 ? Long.parseLong(args[4]) : 1_500;
    String original = Files.readString(file, StandardCharsets.UTF_8);
    waitFor(url, null, Duration.ofSeconds(120));
    List<Long> times = new ArrayList<>();
    try {
      for (int run = 0; run <= runs; run++) {
        String marker = "Edited" + System.nanoTime();
        String edited = title
            ? original.replaceFirst("(?m)^title: .*$", "title: " + marker)
            : original.stripTrailing() + "\n\n" + marker + " was added.\n";
        long start = System.nanoTime();
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        waitFor(url, marker, Duration.ofSeconds(120));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (run > 0) { // the first edit warms the server's path; it is not counted
          times.add(ms);
        }
        Thread.sleep(pause);
      }
    } finally {
      Files.writeString(file, original, StandardCharsets.UTF_8);
    }
    List<Long> sorted = times.stream().sorted().toList();
    System.out.println("runs " + times + " median " + sorted.get((sorted.size() - 1) / 2) + " ms");
  }

  /** Polls {@code url} every 2 ms until it answers 200 (with {@code marker} in it, when given). */
  private static void waitFor(URI url, String marker, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Cache-Control", "no-cache").build();
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && (marker == null || response.body().contains(marker))) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // the server is starting or rebuilding
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(url + " did not show " + (marker == null ? "a page" : marker) + " within " + limit.toSeconds() + " s");
  }
}
