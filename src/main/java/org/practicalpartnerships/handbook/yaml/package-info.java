/**
 * Safe YAML: text in, a positioned {@link org.practicalpartnerships.handbook.yaml.YNode} tree out
 * ({@link org.practicalpartnerships.handbook.yaml.YamlReader}), and strict typed reading of it
 * ({@link org.practicalpartnerships.handbook.yaml.YamlFields}). Front matter, the site file, the
 * glossary and the decision tree are all read through here, so they share one set of messages:
 * syntax errors are told in an editor's words, at the line to change ({@code YamlSyntax}), and
 * the part with a mistake is set aside so the rest is still read and checked in the same run
 * ({@code YamlSetAside}; what could not be read is a {@link
 * org.practicalpartnerships.handbook.yaml.YNode.YUnreadable}).
 */
package org.practicalpartnerships.handbook.yaml;
