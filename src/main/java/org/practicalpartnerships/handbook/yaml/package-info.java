/**
 * Safe YAML: text in, a positioned {@link org.practicalpartnerships.handbook.yaml.YNode} tree out
 * ({@link org.practicalpartnerships.handbook.yaml.YamlReader}), and strict typed reading of it
 * ({@link org.practicalpartnerships.handbook.yaml.YamlFields}). Front matter, the site file, the
 * glossary and the decision tree are all read through here.
 */
package org.practicalpartnerships.handbook.yaml;
