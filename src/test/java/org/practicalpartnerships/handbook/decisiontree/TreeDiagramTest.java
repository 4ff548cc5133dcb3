package org.practicalpartnerships.handbook.decisiontree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TreeDiagramTest {
  private static Element svg() {
    TreePage overview = DecisionTreePagesTest.byPath(DecisionTreePagesTest.render(DecisionTreeLoaderTest.SMALL)).get(DecisionTreePages.OVERVIEW);
    return DecisionTreePagesTest.parse(overview).selectFirst("svg");
  }

  @Test
  void isAnImageWithATitleAndADescription() {
    Element svg = svg();
    assertEquals("group", svg.attr("role"), "a labelled group: its boxes are links a keyboard can reach");
    assertEquals("The tree at a glance: Pick one", svg.getElementById(svg.attr("aria-labelledby")).text());
    assertTrue(svg.getElementById(svg.attr("aria-describedby")).text().startsWith("2 questions in rectangles and 2 outcomes in rounded boxes"));
  }

  @Test
  void eachNodeIsABoxLinkingToItsFirstPageAndEachAnswerLabelsALine() {
    Element svg = svg();
    assertEquals(List.of("goals.html", "plan.html", "together.html", "apart.html"), svg.select("a").eachAttr("href"));
    assertEquals(List.of("Together or apart?", "Can you plan it?", "Work together", "Work apart"), svg.select("a text").stream().map(t -> String.join(" ", t.select("tspan").eachText())).toList());
    assertEquals(4, svg.select("a rect").size());
    assertEquals(List.of("Together", "Apart", "Yes", "No"), svg.select("g.decide-diagram-answers text").eachText());
    assertEquals(4, svg.select("polyline[marker-end]").size());
    assertEquals(2, svg.select("a.decide-diagram-outcome rect[stroke-width=3]").size());
  }

  @Test
  void textIsLargeEnoughAndFollowsThePageColour() {
    Element svg = svg();
    for (Element text : svg.select("text")) {
      Element sized = text.hasAttr("font-size") ? text : text.parent();
      assertTrue(Integer.parseInt(sized.attr("font-size")) >= 14, text.outerHtml());
      Element filled = text.hasAttr("fill") ? text : text.parent();
      assertEquals("currentColor", filled.attr("fill"));
    }
    for (Element rect : svg.select("rect")) {
      assertEquals("currentColor", rect.attr("stroke"));
    }
  }

  @Test
  void longLabelsWrapOntoSeveralLines() {
    assertEquals(List.of("Do the organisations", "pursue a goal they", "hold together, or", "each their own?"),
        TreeDiagram.wrap("Do the organisations pursue a goal they hold together, or each their own?", 20));
    Element svg = DecisionTreePagesTest.parse(DecisionTreePagesTest.byPath(DecisionTreePagesTest.render(
        DecisionTreeLoaderTest.SMALL.replace("Together or apart?", "Do the organisations pursue a goal they hold together, or each their own?")))
        .get(DecisionTreePages.OVERVIEW)).selectFirst("svg");
    assertTrue(svg.select("a").first().select("tspan").size() >= 3);
  }

  @Test
  void boxesAndLabelsDoNotOverlap() {
    Element svg = svg();
    List<double[]> boxes = new java.util.ArrayList<>();
    for (Element rect : svg.select("rect")) {
      double x = Double.parseDouble(rect.attr("x"));
      double y = Double.parseDouble(rect.attr("y"));
      boxes.add(new double[] {x, y, x + Double.parseDouble(rect.attr("width")), y + Double.parseDouble(rect.attr("height"))});
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        double[] a = boxes.get(i);
        double[] b = boxes.get(j);
        assertFalse(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], "boxes " + i + " and " + j + " overlap");
      }
    }
  }
}
