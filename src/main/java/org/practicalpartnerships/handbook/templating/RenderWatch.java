package org.practicalpartnerships.handbook.templating;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches one page being rendered and stops it when it runs too long or allocates too much memory
 * (a template that doubles a string until the heap is gone): it notes where in the templates the
 * page was, then interrupts the rendering thread, which FreeMarker's interruption checks in every
 * loop and macro turn into the end of the page.
 *
 * <p>One daemon thread for the whole JVM looks at every page being rendered every {@value
 * #POLL_MILLIS} ms; a page that renders faster is never looked at.
 */
final class RenderWatch implements AutoCloseable {
  /** Where a template was: its name (relative to the templates folder), line and column. */
  record Location(String template, int line, int column) {}

  /** Why a page was stopped. */
  enum Reason {
    TIME, MEMORY, SIBLING
  }

  private static final long POLL_MILLIS = 10;
  private static final ScheduledExecutorService WATCHDOG = watchdog();
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private final Thread thread;
  private final long deadline;
  private final long maxAllocated;
  private final long allocatedAtStart;
  private volatile Environment environment;
  private volatile Reason reason;
  private volatile Location location;
  private volatile Location lastSeen;
  private boolean closed; // guarded by this
  private final ScheduledFuture<?> poll;

  /**
   * Starts watching the current thread.
   *
   * @param maxNanos how long the page may take
   * @param maxAllocated how many bytes rendering the page may allocate (garbage included)
   */
  RenderWatch(long maxNanos, long maxAllocated) {
    this.thread = Thread.currentThread();
    this.deadline = System.nanoTime() + maxNanos;
    this.maxAllocated = maxAllocated;
    this.allocatedAtStart = allocated(thread);
    long first = Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(maxNanos)));
    this.poll = WATCHDOG.scheduleAtFixedRate(this::check, first, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The environment the page renders in, so that a stop can say where it was. */
  void watch(Environment environment) {
    this.environment = environment;
  }

  /** Why the page was stopped; empty when it was not. */
  Optional<Reason> reason() {
    return Optional.ofNullable(reason);
  }

  /** Where the templates were when the page was stopped, when known. */
  Optional<Location> location() {
    return Optional.ofNullable(location);
  }

  /**
   * Where the templates were when the page was stopped or, when it was not (it ran out of memory
   * between two looks), when the watch last looked.
   */
  Optional<Location> lastKnownLocation() {
    return Optional.ofNullable(location != null ? location : lastSeen);
  }

  /** Stops the page because another page with the same layout ran away. */
  void stopAsSibling() {
    stop(Reason.SIBLING);
  }

  private void check() {
    if (reason != null) {
      return;
    }
    Environment env = environment;
    if (env != null) {
      where(env).ifPresent(seen -> lastSeen = seen);
    }
    if (System.nanoTime() > deadline) {
      stop(Reason.TIME);
    } else if (maxAllocated < Long.MAX_VALUE && allocated(thread) - allocatedAtStart > maxAllocated) {
      stop(Reason.MEMORY);
    }
  }

  private synchronized void stop(Reason why) {
    if (closed || reason != null) {
      return;
    }
    Environment env = environment;
    if (env != null) {
      location = where(env).orElse(null);
    }
    reason = why;
    thread.interrupt();
  }

  /** Stops watching; a late interrupt is cleared so it cannot reach the next page on this thread. */
  @Override
  public void close() {
    poll.cancel(false);
    synchronized (this) {
      closed = true;
    }
    Thread.interrupted();
  }

  /**
   * The innermost instruction the environment is running. Called from the watchdog's thread while
   * the page renders, or from the rendering thread itself; a snapshot taken mid-change is simply
   * not used.
   */
  static Optional<Location> where(Environment env) {
    try {
      TemplateElement[] stack = _CoreAPI.getInstructionStackSnapshot(env);
      for (TemplateElement element : stack) {
        if (element != null && element.getTemplate() != null) {
          return Optional.of(new Location(element.getTemplate().getSourceName(), element.getBeginLine(), element.getBeginColumn()));
        }
      }
    } catch (RuntimeException e) {
      // Changed under us: no location.
    }
    return Optional.empty();
  }

  private static long allocated(Thread thread) {
    if (THREADS == null) {
      return 0;
    }
    @SuppressWarnings("deprecation")
    long id = thread.getId();
    return THREADS.getThreadAllocatedBytes(id);
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported()) {
      if (!bean.isThreadAllocatedMemoryEnabled()) {
        bean.setThreadAllocatedMemoryEnabled(true);
      }
      return bean;
    }
    return null;
  }

  private static ScheduledExecutorService watchdog() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "handbook-template-watchdog");
      t.setDaemon(true);
      return t;
    });
    // Watches end as soon as a page is done: drop them at once.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
