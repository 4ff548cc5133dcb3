package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request paths: decoded once, traversal of every spelling refused, slashes normalised. */
class RequestPathTest {
  @Test
  void plainPathsSplitIntoSegments() {
    RequestPath path = RequestPath.of("/behaviours/co-operation.html").orElseThrow();
    assertEquals(List.of("behaviours", "co-operation.html"), path.segments());
    assertFalse(path.folder());
    assertEquals("behaviours/co-operation.html", path.relative());
  }

  @Test
  void rootAndFoldersEndWithASlash() {
    assertTrue(RequestPath.of("/").orElseThrow().folder());
    assertEquals(List.of(), RequestPath.of("/").orElseThrow().segments());
    assertTrue(RequestPath.of("/practice/").orElseThrow().folder());
  }

  @Test
  void doubledSlashesAreNormalised() {
    assertEquals("etc/passwd", RequestPath.of("//etc/passwd").orElseThrow().relative());
    assertEquals("a/b.html", RequestPath.of("/a///b.html").orElseThrow().relative());
  }

  @Test
  void aNetworkPathReferenceIsReadAsAPath() {
    // "GET //etc/passwd" parses as authority "etc", path "/passwd"; it must mean /etc/passwd inside the site.
    assertEquals("etc/passwd", RequestPath.of(URI.create("//etc/passwd")).orElseThrow().relative());
  }

  @Test
  void escapesAreDecodedOnceAndPlusIsAPlus() {
    assertEquals("a b+c.html", RequestPath.of("/a%20b+c.html").orElseThrow().relative());
    assertEquals("caf\u00e9.html", RequestPath.of("/caf%C3%A9.html").orElseThrow().relative());
    // %25 decodes to '%' once; "%2e" left over is a name, not a dot.
    assertEquals("%2e%2e", RequestPath.of("/%252e%252e").orElseThrow().relative());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../pom.xml", "/a/../../pom.xml", "/./index.html", "/..", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x", "/.%2e/x",
      "/..%2f..%2fetc/passwd", "/a%2Fb", "/..%5c..%5cwindows", "/a%5Cb", "/a%00b", "/a\\b", "C:/x", "/C:/Windows/win.ini",
      "/a%zzb", "/%c3%28", "/a%0ab", "relative.html", ""})
  void traversalAndOddPathsAreRefused(String raw) {
    assertTrue(RequestPath.of(raw).isEmpty(), raw);
  }

  @Test
  void hiddenSegmentsAreMarked() {
    assertTrue(RequestPath.of("/.handbook-output").orElseThrow().hidden());
    assertTrue(RequestPath.of("/.git/config").orElseThrow().hidden());
    assertFalse(RequestPath.of("/a/b.html").orElseThrow().hidden());
  }

  @Test
  void folderUrlsAreEncoded() {
    assertEquals("/a%20b/", RequestPath.of("/a%20b").orElseThrow().folderUrl());
  }
}
