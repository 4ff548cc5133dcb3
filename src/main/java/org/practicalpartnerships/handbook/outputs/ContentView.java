package org.practicalpartnerships.handbook.outputs;

import java.util.Map;
import java.util.Optional;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.source.SourceSet;

/**
 * What an output sees before the site is assembled: the sources, the settings and the pages'
 * titles.
 *
 * @param sources every file of the content folder, data files included
 * @param settings site.yml
 * @param glossary the glossary as read; empty when the handbook has no {@code glossary.yml}
 * @param titles every published written page's title, by site path
 * @param markdown the build's Markdown engine
 * @param postProcessor the build's post-processor, for the pages' bodies
 * @param diagnostics where problems in the data files go
 * @param contentDisplay the content folder as diagnostics name it
 * @param preview true in {@code serve}'s preview, which is not what gets published
 */
public record ContentView(
    SourceSet sources,
    SiteConfig settings,
    Optional<GlossaryLoader.Glossary> glossary,
    Map<String, String> titles,
    MarkdownEngine markdown,
    HtmlPostProcessor postProcessor,
    Diagnostics diagnostics,
    String contentDisplay,
    boolean preview) {}
