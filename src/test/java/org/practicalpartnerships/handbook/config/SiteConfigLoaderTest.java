package org.practicalpartnerships.handbook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.SiteConfig;

class SiteConfigLoaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private SiteConfig load(String yaml) {
    return new SiteConfigLoader().load(Optional.of(new SourceText("content/site.yml", yaml)), diagnostics);
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void defaultsWhenThereIsNoFile() {
    SiteConfig config = new SiteConfigLoader().load(Optional.empty(), diagnostics);
    assertEquals(new SiteConfig("Handbook", "en", "", Optional.empty()), config);
    assertFalse(diagnostics.hasErrors());
  }

  @Test
  void defaultsWhenTheFileIsEmpty() {
    assertEquals(SiteConfig.defaults(), load("# nothing set yet\n"));
    assertEquals(List.of(), headlines());
  }

  @Test
  void readsEverySetting() {
    SiteConfig config = load("title: Practical Partnerships\nlanguage: en-GB\ndescription: How we work.\nbase_url: https://example.org/handbook/\n");
    assertEquals(new SiteConfig("Practical Partnerships", "en-GB", "How we work.", Optional.of("https://example.org/handbook/")), config);
    assertEquals(List.of(), headlines());
  }

  @Test
  void baseUrlGetsATrailingSlash() {
    assertEquals(Optional.of("https://example.org/handbook/"), load("base_url: https://example.org/handbook\n").baseUrl());
  }

  @Test
  void baseUrlMustBeAnAbsoluteWebAddress() {
    for (String bad : List.of("example.org/handbook", "/handbook/", "ftp://example.org/", "https://example.org/?x=1", "javascript:alert(1)")) {
      Diagnostics d = new Diagnostics();
      SiteConfig config = new SiteConfigLoader().load(Optional.of(new SourceText("content/site.yml", "title: T\nbase_url: \"" + bad + "\"\n")), d);
      assertEquals(Optional.empty(), config.baseUrl(), bad);
      assertEquals(
          List.of("content/site.yml:2:11: error: 'base_url' must be an absolute http or https address, such as https://example.org/handbook/"),
          d.sorted().stream().map(Diagnostic::headline).toList(),
          bad);
    }
  }

  @Test
  void unknownSettingSuggestsTheClosest() {
    load("title: T\nbase-url: https://example.org/\n");
    assertEquals(
        List.of("content/site.yml:2:1: error: unknown site setting 'base-url'; did you mean 'base_url'? (known: base_url, description, edition, language, licence, pdf, publisher, raw_html, title)"),
        headlines());
  }

  @Test
  void languageMustBeALanguageTag() {
    load("language: English\n");
    assertEquals(List.of("content/site.yml:1:11: error: 'language' must be a language tag such as 'en' or 'en-GB'"), headlines());
  }

  @Test
  void siteFileMustBeAMap() {
    assertEquals(SiteConfig.defaults(), load("- title\n"));
    assertEquals(List.of("content/site.yml:1:1: error: site.yml must be a map of 'key: value' lines, not a list; write 'key: value' lines without '- ' before them"), headlines());
  }

  @Test
  void emptyTitleFallsBackToTheDefault() {
    assertEquals("Handbook", load("title: ''\n").title());
  }
}
