package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultAction;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.faults.FaultMatch;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.FaultTrigger;
import dev.cognitosyncmock.faults.InvalidFaultException;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioJson;
import dev.cognitosyncmock.protocol.ConnectionFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** {@link CognitoSyncFault} and {@link CognitoSyncScenario} read off a test. */
final class FaultAnnotations {
  private FaultAnnotations() {}

  /** The rules of the outermost class first, then inner classes, then the method. */
  static List<FaultRule> rules(ExtensionContext context) {
    List<FaultRule> rules = new ArrayList<>();
    for (AnnotatedElement element : elementsOutermostFirst(context)) {
      for (CognitoSyncFault a :
          AnnotationSupport.findRepeatableAnnotations(element, CognitoSyncFault.class)) {
        try {
          rules.add(rule(a));
        } catch (IllegalArgumentException e) {
          throw new ExtensionConfigurationException(
              "@CognitoSyncFault on " + element + ": " + e.getMessage(), e);
        }
      }
    }
    return rules;
  }

  /** The scenario location of the method, else of the innermost class that names one. */
  static Optional<String> scenario(ExtensionContext context) {
    List<AnnotatedElement> elements = elementsOutermostFirst(context);
    for (int i = elements.size() - 1; i >= 0; i--) {
      Optional<CognitoSyncScenario> a =
          AnnotationSupport.findAnnotation(elements.get(i), CognitoSyncScenario.class);
      if (a.isPresent()) {
        return Optional.of(a.get().value());
      }
    }
    return Optional.empty();
  }

  private static List<AnnotatedElement> elementsOutermostFirst(ExtensionContext context) {
    Deque<AnnotatedElement> classes = new ArrayDeque<>();
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      classes.addFirst(c);
    }
    List<AnnotatedElement> elements = new ArrayList<>(classes);
    context.getTestMethod().ifPresent(elements::add);
    return elements;
  }

  /**
   * A scenario file: {@code file:<path>} for a file, {@code classpath:<name>} or a bare name for a
   * classpath resource.
   */
  static Scenario loadScenario(String location, ClassLoader loader) {
    byte[] bytes;
    if (location.startsWith("file:")) {
      try {
        bytes = Files.readAllBytes(Path.of(location.substring("file:".length())));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read scenario " + location, e);
      }
    } else {
      String name =
          location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
      name = name.startsWith("/") ? name.substring(1) : name;
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException(
              "Scenario resource not found on the classpath: " + name);
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read scenario resource " + name, e);
      }
    }
    return ScenarioJson.readScenario(bytes);
  }

  static FaultRule rule(CognitoSyncFault a) {
    if (!a.json().isEmpty()) {
      List<FaultRule> rules = FaultJson.readRules(a.json().getBytes(StandardCharsets.UTF_8));
      if (rules.size() != 1) {
        throw new InvalidFaultException("json must hold one rule, got " + rules.size());
      }
      FaultRule rule = rules.get(0);
      return a.id().isEmpty() ? rule : rule.withId(a.id());
    }
    FaultMatch match =
        new FaultMatch(
            a.operation(),
            blankToNull(a.identityPoolId()),
            blankToNull(a.identityId()),
            blankToNull(a.datasetName()),
            blankToNull(a.recordKey()));
    return new FaultRule(blankToNull(a.id()), null, match, trigger(a), action(a));
  }

  private static FaultTrigger trigger(CognitoSyncFault a) {
    List<FaultTrigger> given = new ArrayList<>();
    if (a.nthCall() != 0) {
      given.add(FaultTrigger.nthCall(a.nthCall()));
    }
    if (a.firstCalls() != 0) {
      given.add(FaultTrigger.firstCalls(a.firstCalls()));
    }
    if (a.everyNthCall() != 0) {
      given.add(FaultTrigger.everyNthCall(a.everyNthCall()));
    }
    if (a.probability() != -1) {
      given.add(FaultTrigger.probability(a.probability(), a.seed()));
    }
    if (!a.windowAfter().isEmpty() || !a.windowDuration().isEmpty()) {
      given.add(
          FaultTrigger.during(
              duration(a.windowAfter(), "windowAfter"),
              a.windowDuration().isEmpty()
                  ? null
                  : duration(a.windowDuration(), "windowDuration")));
    }
    if (given.size() > 1) {
      throw new InvalidFaultException(
          "give at most one trigger (nthCall, firstCalls,"
              + " everyNthCall, probability or a window), got "
              + given);
    }
    return given.isEmpty() ? FaultTrigger.always() : given.get(0);
  }

  private static FaultAction action(CognitoSyncFault a) {
    List<FaultAction> given = new ArrayList<>();
    if (!a.error().isEmpty()) {
      ErrorShape shape;
      try {
        shape = ErrorShape.valueOf(a.error());
      } catch (IllegalArgumentException e) {
        throw new InvalidFaultException("Unknown error '" + a.error() + "'");
      }
      given.add(FaultAction.error(shape, blankToNull(a.message())));
    }
    if (a.rateLimit() != 0) {
      given.add(
          FaultAction.rateLimit(
              a.rateLimit(),
              a.burst(),
              FaultAction.RateLimit.Per.valueOf(a.per().toUpperCase(Locale.ROOT))));
    }
    if (a.conflict() || a.conflictValues().length > 0) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String kv : a.conflictValues()) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new InvalidFaultException("conflictValues are key=value, got " + kv);
        }
        values.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      given.add(FaultAction.conflict(values));
    }
    if (a.delayMs() >= 0) {
      given.add(
          a.delayMaxMs() >= 0
              ? FaultAction.delay(
                  Duration.ofMillis(a.delayMs()), Duration.ofMillis(a.delayMaxMs()), a.seed())
              : FaultAction.delay(Duration.ofMillis(a.delayMs())));
    } else if (a.delayMaxMs() >= 0) {
      throw new InvalidFaultException("delayMaxMs needs delayMs");
    }
    if (!a.connectionFault().isEmpty()) {
      try {
        given.add(
            new FaultAction.Disconnect(
                ConnectionFault.valueOf(a.connectionFault()), a.afterApplying()));
      } catch (IllegalArgumentException e) {
        throw new InvalidFaultException("Unknown connectionFault '" + a.connectionFault() + "'");
      }
    }
    if (given.size() != 1) {
      throw new InvalidFaultException(
          "give exactly one action (error, rateLimit, conflict,"
              + " delayMs or connectionFault), got "
              + (given.isEmpty() ? "none" : given));
    }
    return given.get(0);
  }

  private static Duration duration(String text, String attribute) {
    if (text.isEmpty()) {
      return Duration.ZERO;
    }
    try {
      return dev.cognitosyncmock.options.ValueType.duration(text); // the one duration syntax
    } catch (IllegalArgumentException e) {
      throw new InvalidFaultException(
          attribute + " must be ISO-8601 (PT2S) or whole seconds," + " got " + text);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
