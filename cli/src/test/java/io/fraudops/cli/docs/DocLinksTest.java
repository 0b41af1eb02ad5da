package io.fraudops.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md is the entry point and docs/ holds the rest. A README that grows back into a manual, or
 * a link that points to a moved page or a renamed heading, fails here rather than in a new user's
 * browser.
 */
class DocLinksTest {

  private static final Path ROOT = Path.of("..");
  private static final int README_MAX_LINES = 200;

  /** {@code [text](target)} or {@code [text](target "title")}; images share the syntax. */
  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  @Test
  void readmeStaysAnEntryPoint() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    assertThat(readme.size())
        .as(
            "README.md has %d lines: keep it an entry point and move details to docs/",
            readme.size())
        .isLessThanOrEqualTo(README_MAX_LINES);
  }

  @Test
  void everyRelativeLinkInTheReadmeAndDocsResolves() throws IOException {
    List<Path> pages = pages();
    assertThat(pages).as("README.md and the docs pages").hasSizeGreaterThan(5);
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      broken.addAll(brokenLinks(page));
    }
    assertThat(broken).as("broken relative links").isEmpty();
  }

  @Test
  void theReadmeLinksEveryDocsPage() throws IOException {
    Set<Path> linked = new HashSet<>();
    for (String target : links(ROOT.resolve("README.md"))) {
      linked.add(ROOT.resolve(target.replaceFirst("#.*", "")).normalize());
    }
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      assertThat(docs.filter(p -> p.toString().endsWith(".md")).map(Path::normalize))
          .as("docs pages a README reader can reach")
          .allMatch(linked::contains);
    }
  }

  @Test
  void reportsAMissingFileAndAMissingHeadingButNotCodeOrExternalLinks(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("other.md"), "# Other page\n\n## Online store (Redis)\n");
    Path page = dir.resolve("page.md");
    Files.writeString(
        page,
        String.join(
            "\n",
            "# Page",
            "[ok](other.md) [ok](other.md#online-store-redis) [ok](#page) [ok](https://example.com/x.md)",
            "[gone](missing.md) [no heading](other.md#offline-store) [no local heading](#nowhere)",
            "`[not a link](missing-in-code.md)`",
            "```",
            "[not a link](missing-in-fence.md)",
            "```"));

    assertThat(brokenLinks(page))
        .containsExactly(
            page + ": missing.md (no such file)",
            page + ": other.md#offline-store (no such heading)",
            page + ": #nowhere (no such heading)");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  static List<String> brokenLinks(Path page) throws IOException {
    List<String> broken = new ArrayList<>();
    for (String target : links(page)) {
      if (SCHEME.matcher(target).find()) {
        continue; // http(s), mailto: not this test's business
      }
      int hash = target.indexOf('#');
      String file = hash < 0 ? target : target.substring(0, hash);
      String anchor = hash < 0 ? null : target.substring(hash + 1);
      Path resolved =
          file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
      if (!Files.exists(resolved)) {
        broken.add(page + ": " + target + " (no such file)");
      } else if (anchor != null
          && resolved.toString().endsWith(".md")
          && !anchors(resolved).contains(anchor)) {
        broken.add(page + ": " + target + " (no such heading)");
      }
    }
    return broken;
  }

  /** Link targets outside fenced code blocks and code spans, where brackets are only text. */
  private static List<String> links(Path page) throws IOException {
    List<String> targets = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (link.find()) {
        targets.add(link.group(1));
      }
    }
    return targets;
  }

  /**
   * The anchors GitHub derives from a page's headings: lower case, punctuation dropped, spaces as
   * hyphens.
   */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
      }
      Matcher heading = HEADING.matcher(line);
      if (fenced || !heading.matches()) {
        continue;
      }
      String slug =
          heading
              .group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-');
      int repeats = seen.merge(slug, 1, Integer::sum) - 1;
      anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
    }
    return anchors;
  }
}
