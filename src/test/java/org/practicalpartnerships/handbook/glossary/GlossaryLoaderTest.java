package org.practicalpartnerships.handbook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Term;

class GlossaryLoaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private List<Term> load(String yaml) {
    return new GlossaryLoader(new MarkdownEngine(), false).load(new SourceText("content/glossary.yml", yaml), diagnostics).terms();
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void entriesLoad() {
    String yaml =
        """
        - term: Co-operation
          aliases: [cooperation, working together]
          definition: Working *with* others.
          see: [behaviours/co-operation.md#in-practice]
        - term: Stakeholder
          definition: Anyone with an interest.
        """;
    List<Term> terms = load(yaml);
    assertEquals(List.of(), headlines());
    assertEquals(2, terms.size());
    Term first = terms.get(0);
    assertEquals("Co-operation", first.term());
    assertEquals("co-operation", first.id());
    assertEquals(List.of("cooperation", "working together"), first.aliases());
    assertEquals("<p>Working <em>with</em> others.</p>\n", first.definitionHtml());
    assertEquals("Working with others.", first.definitionText());
    assertEquals(List.of(new LinkRef("behaviours/co-operation.md#in-practice", yaml.indexOf("behaviours/"), false)), first.see());
    assertEquals(List.of(), terms.get(1).see());
  }

  @Test
  void anchorsAreStableSlugs() {
    assertEquals("cafe-culture", GlossaryLoader.slug("Café culture"));
    assertEquals("q-a", GlossaryLoader.slug("Q & A"));
  }

  @Test
  void duplicateTermIsRefusedWithTheFirstLine() {
    List<Term> terms = load("- term: Partner\n  definition: One.\n- term: partner\n  definition: Two.\n");
    assertEquals(List.of("content/glossary.yml:3:3: error: 'partner' is already defined by the entry on line 1"), headlines());
    assertEquals(List.of("Partner"), terms.stream().map(Term::term).toList());
  }

  @Test
  void aliasClashingWithAnotherTermIsRefused() {
    load("- term: Partner\n  definition: One.\n- term: Ally\n  aliases: [Partner]\n  definition: Two.\n");
    assertEquals(List.of("content/glossary.yml:3:3: error: 'Partner' is already defined by the entry on line 1"), headlines());
  }

  @Test
  void termsThatWouldShareAnAnchorAreRefused() {
    List<Term> terms = load("- term: Co-operation\n  definition: One.\n- term: Co operation\n  definition: Two.\n");
    assertEquals(1, terms.size(), "two entries with the same id would make '#co-operation' ambiguous");
    assertEquals(1, headlines().size(), headlines().toString());
    assertEquals("content/glossary.yml:3:3: error: 'Co operation' has the same anchor '#co-operation' as the entry on line 1", headlines().get(0));
  }

  @Test
  void unknownKeyWithSuggestion() {
    load("- term: Partner\n  defintion: One.\n");
    assertEquals(
        List.of(
            "content/glossary.yml:2:3: error: unknown glossary key 'defintion'; did you mean 'definition'? (known: aliases, definition, see, term)"),
        headlines());
  }

  @Test
  void missingDefinition() {
    assertEquals(List.of(), load("- term: Partner\n  aliases: [ally]\n"));
    assertEquals(List.of("content/glossary.yml:1:3: error: a glossary entry needs 'definition'"), headlines());
  }

  @Test
  void seeMustBeAList() {
    load("- term: Partner\n  definition: One.\n  see: behaviours/co-operation.md\n");
    assertEquals(
        List.of("content/glossary.yml:3:8: error: 'see' must be a list of page paths, such as [behaviours/co-operation.md]"),
        headlines());
  }

  @Test
  void glossaryMustBeAList() {
    assertEquals(List.of(), load("Partner: One.\n"));
    assertEquals(List.of("content/glossary.yml:1:1: error: the glossary must be a list of entries, each starting with '- term:'"), headlines());
  }

  @Test
  void emptyTermIsReported() {
    assertEquals(List.of(), load("- term:\n  definition: One.\n"));
    assertEquals(1, headlines().size(), headlines().toString());
    assertEquals("content/glossary.yml:1:8: error: 'term' must not be empty", headlines().get(0));
  }

  @Test
  void aMistypedKeyGetsADidYouMean() {
    List<Term> terms = load("- term: Partner\n  alias: [ally]\n  definition: One.\n- term: Ally\n  defintion: Two.\n");
    assertEquals(List.of(
        "content/glossary.yml:2:3: error: unknown glossary key 'alias'; did you mean 'aliases'? (known: aliases, definition, see, term)",
        "content/glossary.yml:5:3: error: unknown glossary key 'defintion'; did you mean 'definition'? (known: aliases, definition, see, term)"),
        headlines(), "no second error saying the entry needs 'definition'");
    assertEquals(List.of("Partner"), terms.stream().map(Term::term).toList());
  }

  @Test
  void everyEntryIsCheckedWhenOneCannotBeRead() {
    GlossaryLoader.Glossary glossary = new GlossaryLoader(new MarkdownEngine(), false).load(new SourceText("content/glossary.yml",
        "- term: Trust\n  definition: \"Confidence\n- term: Currency\n  definition: It's: counted\n- term: Ally\n  definitoin: x\n- term: Fine\n  definition: Good.\n"),
        diagnostics);
    assertEquals(List.of(
        "content/glossary.yml:2:15: error: invalid YAML: this quoted text is never closed; add the closing \" at its end",
        "content/glossary.yml:4:15: error: invalid YAML: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: definition: \"It's: counted\"",
        "content/glossary.yml:6:3: error: unknown glossary key 'definitoin'; did you mean 'definition'? (known: aliases, definition, see, term)"),
        headlines());
    assertEquals(List.of("Fine"), glossary.terms().stream().map(Term::term).toList());
    assertEquals(java.util.Set.of("trust", "currency", "ally"), glossary.unreadIds(), "their anchors: links to them are not reported too");
    assertEquals(true, glossary.allRead());
  }
}
