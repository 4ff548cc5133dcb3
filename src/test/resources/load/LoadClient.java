import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load client run as its own process by PreviewServerLoadIT: CONNECTIONS clients, each with its
 * own HTTP connection, send REQUESTS requests each to the preview server, cycling through PATHS.
 * Prints "answered=N unanswered=N". Bounded in count and time; loopback only.
 *
 * Usage: java LoadClient.java BASE_URL CONNECTIONS REQUESTS PATH...
 */
public class LoadClient {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    if (!base.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    int connections = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    String[] paths = java.util.Arrays.copyOfRange(args, 3, args.length);
    AtomicInteger passed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    for (int c = 0; c < connections; c++) {
      int client = c;
      pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int r = 0; r < requests; r++) {
          String path = paths[(client + r) % paths.length];
          try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && response.body().length > 0) {
              passed.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    System.out.println("answered=" + passed.get() + " unanswered=" + failed.get());
  }
}
