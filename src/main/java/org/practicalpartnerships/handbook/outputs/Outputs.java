package org.practicalpartnerships.handbook.outputs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every output the build makes, in one list: to add one, write its class and add it here. */
public final class Outputs {
  private Outputs() {}

  public static final List<Output> ALL = List.of(
      new GlossaryOutput(),
      new DecisionTreeOutput(),
      new CheckupOutput(),
      new AtoZOutput(),
      new TagsOutput(),
      new NotFoundOutput(),
      new SearchOutput(),
      new PrintOutput(),
      new PdfOutput(),
      new SitemapOutput());

  /** Every output's {@link Output#scripts()}, merged. */
  public static Map<String, List<String>> scripts(List<Output> outputs) {
    Map<String, List<String>> scripts = new HashMap<>();
    outputs.forEach(output -> scripts.putAll(output.scripts()));
    return scripts;
  }

  /** Every output's {@link Output#styles()}, merged. */
  public static Map<String, List<String>> styles(List<Output> outputs) {
    Map<String, List<String>> styles = new HashMap<>();
    outputs.forEach(output -> styles.putAll(output.styles()));
    return styles;
  }

  /** Every output's {@link Output#templateLinks()}, merged. */
  public static Map<String, String> templateLinks(List<Output> outputs) {
    Map<String, String> links = new HashMap<>();
    outputs.forEach(output -> links.putAll(output.templateLinks()));
    return links;
  }
}
