package dev.cognitosyncmock.doctests;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code dependencies}: an XML block of Maven dependencies must be well-formed, give every
 * dependency a version, and name the versions the doc tests themselves compile and run against
 * (this project's own version for its artifacts; for the others, the jar on the test class path).
 */
final class DependencyBlockCheck {
  private DependencyBlockCheck() {}

  static void run(CodeBlock block) throws Exception {
    // a whole pom.xml keeps its prolog; a list of dependencies has several roots: wrap either
    String xml =
        "<doctest>" + block.body().replaceFirst("^\\s*<\\?xml[^>]*\\?>", "") + "</doctest>";
    NodeList dependencies =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagName("dependency");
    if (dependencies.getLength() == 0) {
      throw new AssertionError(block.location() + ": no <dependency> in the block");
    }
    List<String> problems = new ArrayList<>();
    List<String> classPath =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    String ownVersion = System.getProperty("cognitosyncmock.version");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      String group = text(d, "groupId");
      String artifact = text(d, "artifactId");
      String version = text(d, "version");
      if (group.isEmpty() || artifact.isEmpty() || version.isEmpty()) {
        problems.add(
            "a dependency without groupId, artifactId or version: " + group + ":" + artifact);
      } else if (group.equals("dev.cognitosyncmock")) {
        if (!version.equals(ownVersion)) {
          problems.add(artifact + " " + version + ", but this build is " + ownVersion);
        }
      } else if (classPath.stream()
          .noneMatch(p -> p.endsWith(File.separator + artifact + "-" + version + ".jar"))) {
        problems.add(
            group
                + ":"
                + artifact
                + ":"
                + version
                + " is not the version the doc tests use ("
                + classPath.stream()
                    .filter(p -> p.contains(File.separator + artifact + "-"))
                    .findFirst()
                    .orElse("not on their class path")
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(block.location() + ": " + String.join("; ", problems));
    }
  }

  private static String text(Element dependency, String tag) {
    NodeList nodes = dependency.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
  }
}
