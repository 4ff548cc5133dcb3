/**
 * The live preview behind {@code handbook serve}: a changed source file in, a rebuilt site and a
 * reloaded browser tab out.
 *
 * <ul>
 *   <li>{@link org.practicalpartnerships.handbook.serve.Watcher} watches the content and templates
 *       folders and reports each burst of changes as one set of paths;
 *   <li>a {@link org.practicalpartnerships.handbook.serve.Rebuild} (by default {@link
 *       org.practicalpartnerships.handbook.serve.IncrementalRebuild}) turns those paths into a {@link
 *       org.practicalpartnerships.handbook.serve.BuildResult}, writing into a temporary folder,
 *       never {@code site/};
 *   <li>{@link org.practicalpartnerships.handbook.serve.PreviewServer} serves that folder on
 *       loopback with the JDK's HTTP server, injects the reload script (and, while the latest build
 *       failed, an overlay listing its diagnostics) into HTML as it is sent, and tells open tabs to
 *       reload through Server-Sent Events; it answers only its own address and origin ({@link
 *       org.practicalpartnerships.handbook.serve.HostCheck}, against DNS rebinding) and bounds every
 *       write to a client ({@link org.practicalpartnerships.handbook.serve.WriteGuard});
 *   <li>{@link org.practicalpartnerships.handbook.serve.ServeSession} ties the three together and
 *       keeps going whatever the content does.
 * </ul>
 *
 * Nothing here changes what {@code build} writes: the injected script and overlay exist only in
 * HTTP responses.
 */
package org.practicalpartnerships.handbook.serve;
