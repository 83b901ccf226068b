package dev.cognitosyncmock.doctests;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles a Java block against this build's artifacts (the test class path, which is what the
 * README tells a user to depend on) and runs it: with JUnit when it declares tests, else its {@code
 * main} method.
 *
 * <p>A block is a whole compilation unit, imports included, exactly as printed. With the {@code
 * annotation} option it is one or more annotations instead, put on a test method of a
 * {@code @CognitoSyncTest} class, which must then start and register at least one fault rule or
 * load a scenario.
 */
final class JavaBlockRunner {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE =
      Pattern.compile(
          "(?m)^(?:(?:public|final|abstract)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

  private final Sandbox sandbox;

  JavaBlockRunner(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  void run(CodeBlock block) throws Exception {
    Source source = block.has("annotation") ? annotated(block) : asPrinted(block);
    compile(block, source);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = sandbox.classLoader(getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> type = loader.loadClass(source.className());
      if (declaresTests(type)) {
        runTests(block, type);
      } else {
        runMain(block, type);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Source text, its class name, and how many generated lines stand before the block's first. */
  private record Source(String className, String text, int linesBefore) {}

  private static Source asPrinted(CodeBlock block) {
    Matcher type = TYPE.matcher(block.body());
    if (!type.find()) {
      throw new AssertionError(
          block.location()
              + ": a Java block marked doctest must be a whole "
              + "compilation unit (imports and a class); for annotations use <!-- doctest: annotation -->");
    }
    Matcher pkg = PACKAGE.matcher(block.body());
    String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
    return new Source(name, block.body(), 0);
  }

  private static Source annotated(CodeBlock block) {
    String simpleName =
        "Annotated_" + block.file().replaceAll("[^A-Za-z0-9]", "_") + "_" + block.line();
    String head =
        String.join(
                "\n",
                "package doctest;",
                "import dev.cognitosyncmock.junit.*;",
                "import org.junit.jupiter.api.Test;",
                "@CognitoSyncTest",
                "class " + simpleName + " {",
                "  @Test")
            + "\n";
    String tail =
        String.join(
                "\n",
                "  void annotationIsAccepted(CognitoSyncMock mock) {",
                "    org.junit.jupiter.api.Assertions.assertTrue(!mock.faults().list().isEmpty()",
                "        || mock.scenarioStatus().isPresent(), \"the annotation registered no fault rule and no scenario\");",
                "  }",
                "}")
            + "\n";
    return new Source(
        "doctest." + simpleName,
        head + block.body() + tail,
        (int) head.chars().filter(c -> c == '\n').count());
  }

  private void compile(CodeBlock block, Source source) throws IOException {
    String className = source.className();
    Path file =
        sandbox.dir().resolve("src/doctest/java").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source.text());
    Files.createDirectories(sandbox.classes());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-d",
              sandbox.classes().toString(),
              "-cp",
              System.getProperty("java.class.path") + File.pathSeparator + sandbox.classes());
      boolean ok =
          javac
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file))
              .call();
      if (!ok) {
        String errors =
            diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(
                    d ->
                        block.file()
                            + ":"
                            + docLine(block, source, d)
                            + ": "
                            + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        throw new AssertionError(
            block.location() + ": the Java block does not compile:\n" + errors);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The Markdown line of a compiler message: the fence line, plus the line within the block. */
  private static long docLine(CodeBlock block, Source source, Diagnostic<?> d) {
    return block.line() + Math.max(1, d.getLineNumber() - source.linesBefore());
  }

  private static boolean declaresTests(Class<?> type) {
    List<Class<?>> types = new ArrayList<>(List.of(type));
    types.addAll(Arrays.asList(type.getDeclaredClasses()));
    return types.stream()
        .flatMap(t -> Arrays.stream(t.getDeclaredMethods()))
        .flatMap(m -> Arrays.stream(m.getAnnotations()))
        .map(a -> a.annotationType().getName())
        .anyMatch(
            n ->
                n.startsWith("org.junit.jupiter.")
                    && (n.endsWith(".Test")
                        || n.endsWith(".ParameterizedTest")
                        || n.endsWith(".RepeatedTest")
                        || n.endsWith(".TestFactory")));
  }

  private static void runTests(CodeBlock block, Class<?> type) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsFoundCount() == 0) {
      throw new AssertionError(block.location() + ": JUnit found no test in " + type.getName());
    }
    List<Throwable> problems = new ArrayList<>();
    summary.getFailures().forEach(f -> problems.add(f.getException()));
    if (!problems.isEmpty()
        || summary.getTestsAbortedCount() > 0
        || summary.getTestsSkippedCount() > 0
        || summary.getContainersFailedCount() > 0) {
      AssertionError error =
          new AssertionError(
              block.location()
                  + ": "
                  + type.getSimpleName()
                  + ": "
                  + summary.getTestsSucceededCount()
                  + " of "
                  + summary.getTestsFoundCount()
                  + " tests passed, "
                  + summary.getTestsFailedCount()
                  + " failed, "
                  + summary.getTestsAbortedCount()
                  + " aborted, "
                  + summary.getTestsSkippedCount()
                  + " skipped"
                  + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
      problems.forEach(error::addSuppressed);
      throw error;
    }
  }

  private static void runMain(CodeBlock block, Class<?> type) throws Exception {
    Method main;
    try {
      main = type.getDeclaredMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(
          block.location()
              + ": "
              + type.getName()
              + " has neither a JUnit test nor a main method: nothing to run");
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new AssertionError(block.location() + ": " + type.getName() + ".main is not static");
    }
    main.setAccessible(true);
    try {
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw new AssertionError(
          block.location() + ": " + type.getName() + ".main threw " + e.getCause(), e.getCause());
    }
  }
}
