package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.checkup.Checkup;
import org.practicalpartnerships.handbook.checkup.CheckupLoader;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;

/** content/checkup.yml, the handbook's own check-up, against the brief: 5 to 8 themes of 3 to 6 statements, each theme linking to pages that help. */
class RealCheckupTest {
  static final Path FILE = Path.of("content", CheckupLoader.FILE);

  private static Checkup load() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    CheckupLoader.Result result = new CheckupLoader(new MarkdownEngine(), false).load(new SourceText("content/checkup.yml", Files.readString(FILE)), diagnostics);
    assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::headline).toList());
    return result.checkup().orElseThrow();
  }

  @Test
  void hasFiveToEightThemesOfThreeToSixStatementsEachWithPagesThatHelp() throws IOException {
    Checkup checkup = load();
    assertTrue(checkup.themes().size() >= 5 && checkup.themes().size() <= 8, checkup.themes().size() + " themes");
    for (Checkup.Theme theme : checkup.themes()) {
      int n = theme.statements().size();
      assertTrue(n >= 3 && n <= 6, theme.id() + " has " + n + " statements");
      assertTrue(!theme.links().isEmpty(), theme.id() + " links to the handbook");
      for (Checkup.HandbookLink link : theme.links()) {
        assertTrue(link.page().matches("(behaviours|practice|understanding)/[a-z-]+\\.md(#[a-z-]+)?"), link.page());
      }
    }
  }

  @Test
  void citesThePartnershipAssessmentToolAsFurtherReading() throws IOException {
    String intro = load().intro().source().replaceAll("\\s+", " ");
    assertTrue(intro.contains("Hardy B, Hudson B, Waddington E") && intro.contains("2003"), intro);
  }
}
