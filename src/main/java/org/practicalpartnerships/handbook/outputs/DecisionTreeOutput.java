package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreeLoader;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreePages;
import org.practicalpartnerships.handbook.decisiontree.TreePage;
import org.practicalpartnerships.handbook.decisiontree.TreePointer;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.model.PageRef;
import org.practicalpartnerships.handbook.model.StepNav;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * "Which kind of partnership fits?": {@code decide.yml} in, the tree's pages out (a start page,
 * listed in navigation, one page per question and outcome on each route, and an overview), with
 * the file's links to check and, for the handbook pages an outcome recommends, the way back.
 */
public final class DecisionTreeOutput implements Output {
  /** Where the tree's start page sits among the top-level sections. */
  static final int ORDER = 15;

  @Override
  public List<String> dataFiles() {
    return List.of(DecisionTreeLoader.FILE);
  }

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("decide", DecisionTreePages.START);
  }

  @Override
  public ContentPages contentPages(ContentView view) {
    Optional<ContentFile> file = view.sources().dataFile(DecisionTreeLoader.FILE);
    if (file.isEmpty()) {
      return ContentPages.NONE;
    }
    SourceText source = file.get().text();
    DecisionTreeLoader.Result tree = load(view, source);
    // The tree's links are written relative to content/, so they are checked from the root.
    List<LinkSet> links = List.of(new LinkSet(DecisionTreeLoader.FILE, source, tree.links()));
    if (tree.tree().isEmpty()) {
      // Its errors are reported; links into the pages it would have made are not, as well.
      return ContentPages.failed(links, Set.of(DecisionTreePages.FOLDER));
    }
    DecisionTreePages.Rendered rendered = DecisionTreePages.render(tree.tree().get());
    List<Page> pages = new ArrayList<>();
    Map<String, String> outcomes = new HashMap<>();
    Map<String, StepNav> steps = new HashMap<>();
    for (TreePage treePage : rendered.pages()) {
      ProcessedHtml html = view.postProcessor().process(treePage.html());
      view.duplicateIds(source, treePage.outputPath(), html.duplicateIds());
      boolean start = treePage.outputPath().equals(DecisionTreePages.START);
      FrontMatter fm = new FrontMatter(treePage.title(), treePage.description(), start ? OptionalInt.of(ORDER) : OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
      // The links go into the link graph: the start page is listed, so the pages its introduction
      // links to count it among the pages that link to them.
      pages.add(Page.fromData(PageKind.TREE, start, treePage.outputPath(), source, fm, html.html(), html.headings(), html.ids(), treePage.links()));
      if (treePage.isOutcome()) {
        outcomes.put(treePage.outputPath(), treePage.outcomeId());
      }
      if (treePage.backPath() != null) {
        steps.put(treePage.outputPath(), new StepNav(treePage.backPath(), treePage.caption()));
      }
    }
    Map<String, List<PageRef>> pointers = new HashMap<>();
    rendered.pointers().forEach((page, list) -> pointers.put(page, list.stream().map(DecisionTreeOutput::ref).toList()));
    // On paper the start page is the whole tree: every question with where each answer leads,
    // and every outcome.
    Map<String, String> printed = Map.of(DecisionTreePages.START, view.postProcessor().process(rendered.printed()).html());
    return new ContentPages(pages, links, outcomes, pointers, steps, printed);
  }

  private static PageRef ref(TreePointer pointer) {
    return new PageRef(pointer.outcomeTitle(), pointer.outcomePath());
  }

  private static DecisionTreeLoader.Result load(ContentView view, SourceText source) {
    return new DecisionTreeLoader(view.markdown(), view.settings().stripUnsafeHtml()).load(source, view.diagnostics());
  }
}
