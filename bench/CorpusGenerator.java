import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic handbook for benchmarks: N pages in section folders of 20, sections grouped in
 * part folders of 25 (so 10,000 pages make 20 parts, as a real handbook of that size would be
 * organised), each page about 600 words with YAML front matter, headings, a list, a table, a code
 * block and five links to other pages' sections, plus a glossary of 25 terms that the pages use, so
 * that glossary linking does its real work. The same N always gives the same bytes (fixed seed).
 *
 * <p>Run with the JDK's source launcher: {@code java bench/CorpusGenerator.java OUT N}
 */
public class CorpusGenerator {
  static final int PER_SECTION = 20;
  static final int SECTIONS_PER_PART = 25;
  static final String[] WORDS = (
      "partnership health local authority service patient client goal shared trust currency budget "
      + "board plan system whole care older people discharge hospital social housing equipment store "
      + "regeneration community practice evidence outcome measure purpose behaviour co-operation "
      + "co-ordination co-evolution competition predictable aim network staff manager commissioner "
      + "council clinic team meeting agreement review learning change pilot step small early").split(" ");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java bench/CorpusGenerator.java OUT_FOLDER PAGES");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int pages = Integer.parseInt(args[1]);
    Random random = new Random(42);
    Files.createDirectories(out);
    Files.writeString(out.resolve("site.yml"), "title: Synthetic handbook\nlanguage: en-GB\n");
    Files.writeString(out.resolve("index.md"), "---\ntitle: Synthetic handbook\ndescription: A generated corpus for benchmarks.\norder: 0\n---\n\nA generated corpus of " + pages + " pages. Start at [the first page](" + path(0) + ").\n");
    Files.writeString(out.resolve("glossary.yml"), glossary(pages));
    for (int i = 0; i < pages; i++) {
      Path file = out.resolve(path(i));
      Files.createDirectories(file.getParent());
      int section = i / PER_SECTION;
      if (i % PER_SECTION == 0) {
        Files.writeString(file.getParent().resolve("index.md"), "---\ntitle: Section " + (section + 1) + "\ndescription: Section " + (section + 1) + " of the corpus.\norder: " + (section % SECTIONS_PER_PART + 1) + "\n---\n\nPages " + (i + 1) + " onwards.\n");
      }
      if (i % (PER_SECTION * SECTIONS_PER_PART) == 0) {
        int part = section / SECTIONS_PER_PART;
        Files.writeString(file.getParent().getParent().resolve("index.md"), "---\ntitle: Part " + (part + 1) + "\ndescription: Part " + (part + 1) + " of the corpus.\norder: " + (part + 1) + "\n---\n\nSections " + (section + 1) + " onwards.\n");
      }
      Files.writeString(file, page(i, pages, random));
    }
  }

  /** Terms made of the corpus's own words, so pages use them; each points to a page. */
  static final String[] TERMS = {
      "partnership", "local authority", "shared budget", "whole system", "older people", "discharge",
      "equipment store", "regeneration", "evidence", "outcome measure", "shared purpose", "co-operation",
      "co-ordination", "co-evolution", "competition", "predictable aim", "staff network", "commissioner",
      "care board", "agreement", "review", "learning", "pilot", "small step", "trust"};

  static String glossary(int pages) {
    StringBuilder sb = new StringBuilder("# A glossary for the synthetic corpus.\n");
    for (int t = 0; t < TERMS.length; t++) {
      sb.append("\n- term: ").append(TERMS[t]).append('\n');
      if (t % 4 == 0) {
        sb.append("  aliases: [").append(TERMS[t]).append("s]\n");
      }
      sb.append("  definition: >-\n    What the corpus means by ").append(TERMS[t]).append(": a term defined once and linked from the pages that use it.\n");
      sb.append("  see: [").append(path(t * 37 % pages)).append("]\n");
    }
    return sb.toString();
  }

  static String path(int i) {
    int section = i / PER_SECTION;
    return String.format("part-%02d/section-%03d/page-%05d.md", section / SECTIONS_PER_PART, section, i);
  }

  /** A link from page {@code from} to a section of page {@code to}, relative, as an editor writes it. */
  static String link(int from, int to) {
    String target = path(to);
    String fromFolder = path(from).substring(0, path(from).lastIndexOf('/') + 1);
    String rel = target.startsWith(fromFolder) ? target.substring(fromFolder.length()) : "../../" + target;
    return "[page " + to + "](" + rel + "#part-" + (to % 3 + 1) + ")";
  }

  static String words(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      sb.append(i == n - 1 ? "." : (random.nextInt(12) == 0 ? ". " : " "));
    }
    return sb.toString();
  }

  static String page(int i, int pages, Random random) {
    StringBuilder sb = new StringBuilder();
    sb.append("---\ntitle: Page ").append(i).append(" about ").append(WORDS[i % WORDS.length]).append('\n');
    sb.append("description: ").append(words(random, 14)).append('\n');
    sb.append("order: ").append(i % PER_SECTION + 1).append('\n');
    sb.append("tags: [").append(WORDS[i % 7]).append(", ").append(WORDS[7 + i % 5]).append("]\n---\n\n");
    sb.append(words(random, 60)).append("\n\n");
    for (int part = 1; part <= 3; part++) {
      sb.append("## Part ").append(part).append(" {#part-").append(part).append("}\n\n");
      sb.append(words(random, 80)).append(' ').append(link(i, (i * 7 + part * 13 + 1) % pages)).append(".\n\n");
      if (part == 1) {
        for (int k = 0; k < 5; k++) {
          sb.append("- ").append(words(random, 8)).append('\n');
        }
        sb.append('\n');
      }
      if (part == 2) {
        sb.append("| Measure | Before | After |\n|---|---|---|\n");
        for (int k = 0; k < 4; k++) {
          sb.append("| ").append(WORDS[random.nextInt(WORDS.length)]).append(" | ").append(random.nextInt(100)).append(" | ").append(random.nextInt(100)).append(" |\n");
        }
        sb.append('\n');
      }
      if (part == 3) {
        sb.append("```yaml\ntitle: Example\norder: ").append(i).append("\n```\n\n");
      }
      sb.append("### Detail ").append(part).append("\n\n").append(words(random, 50)).append(' ');
      sb.append(link(i, (i * 11 + part * 5 + 3) % pages)).append(".\n\n");
    }
    sb.append("See also ").append(link(i, (i + 1) % pages)).append(".\n");
    return sb.toString();
  }
}
