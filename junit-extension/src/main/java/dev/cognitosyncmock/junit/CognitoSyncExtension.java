package dev.cognitosyncmock.junit;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.engine.Quotas;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.OptionSetters;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.security.AccessKey;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts an in-process Cognito Sync mock once per test class, puts its state back before each test,
 * and injects an AWS SDK v2 client, the endpoint and a {@link CognitoSyncMock} handle.
 *
 * <p>Three ways in: {@code @CognitoSyncTest} (options as attributes),
 * {@code @ExtendWith(CognitoSyncExtension.class)} (defaults, or the class's
 * {@code @CognitoSyncTest} attributes), and {@code @RegisterExtension} with {@link #newInstance()}
 * for every option. A static {@code @RegisterExtension} field gives a mock per class; an instance
 * field gives a fresh mock per test.
 *
 * <p>Each class gets its own server on its own port, kept in that class's JUnit store, so classes
 * running in parallel never share state. {@code @Nested} classes share their outer class's mock.
 */
public final class CognitoSyncExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        BeforeTestExecutionCallback,
        AfterTestExecutionCallback,
        ParameterResolver {

  private static final String MOCK = "mock";
  private static final String ANNOTATED_FAULTS = "annotated-faults";
  private static final String PROVIDES =
      "CognitoSyncExtension provides: "
          + "software.amazon.awssdk.services.cognitosync.CognitoSyncClient and CognitoSyncAsyncClient,"
          + " software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient and"
          + " CognitoIdentityAsyncClient (AWS SDK v2 clients pointed at the mock), @CognitoSyncInject"
          + " java.net.URI (the mock's endpoint; shared types need the qualifier) and"
          + " dev.cognitosyncmock.junit.CognitoSyncMock (the control handle: its server(), engine()"
          + " and wireMock() reach everything else)";

  /** Null when registered by annotation: the options then come from the test class. */
  private final MockOptions configured;

  /** The mock this instance started last, for {@link #mock()}; null when none runs. */
  private volatile RunningMock current;

  /** For {@code @ExtendWith}: options from the class's {@code @CognitoSyncTest}, or defaults. */
  public CognitoSyncExtension() {
    this(null);
  }

  private CognitoSyncExtension(MockOptions configured) {
    this.configured = configured;
  }

  /**
   * The builder for {@code @RegisterExtension}: every option the mock has.
   *
   * @return a builder with every option at its default
   */
  public static Builder newInstance() {
    return new Builder();
  }

  /**
   * The handle of the mock this extension is running, for a {@code @RegisterExtension} field's
   * owner. When one static extension serves several classes at once (a field inherited by classes
   * running in parallel) inject {@link CognitoSyncMock} instead.
   *
   * @return the handle
   * @throws IllegalStateException if no mock is running
   */
  public CognitoSyncMock mock() {
    RunningMock running = current;
    if (running == null) {
      throw new IllegalStateException(
          "The Cognito Sync mock is not running: it runs from before"
              + " the class's first test (static field) or the test (instance field) until after");
    }
    return running.handle();
  }

  // ------------------------------------------------------------------ lifecycle

  @Override
  public void beforeAll(ExtensionContext context) {
    RunningMock running = find(context);
    if (running == null) { // a @Nested class finds its outer class's mock
      running = start(context);
    }
    injectStaticFields(context.getRequiredTestClass(), running);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RunningMock running = find(context);
    if (running == null) {
      // an instance-field @RegisterExtension is seen only per test: it gets a mock per test
      running = start(context);
    } else if (running.options().reset() == ResetPolicy.PER_TEST) {
      if (running.hasBaseline()) {
        running.restoreBaseline();
      } else {
        running.markBaseline();
      }
    }
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectInstanceFields(instance, running);
    }
  }

  /**
   * {@link CognitoSyncFault} and {@link CognitoSyncScenario} apply from here, after the
   * {@code @BeforeEach} methods: their counts and steps start with the test's own calls.
   */
  @Override
  public void beforeTestExecution(ExtensionContext context) {
    RunningMock running = find(context);
    if (running == null) {
      return;
    }
    var faults = running.server().service().faults();
    java.util.List<String> added = new java.util.ArrayList<>();
    boolean scenario = false;
    try {
      for (var rule : FaultAnnotations.rules(context)) {
        added.add(faults.rules().add(rule).id());
      }
      Optional<String> location = FaultAnnotations.scenario(context);
      if (location.isPresent()) {
        faults.loadScenario(FaultAnnotations.loadScenario(location.get(), classLoader(context)));
        scenario = true;
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      added.forEach(faults.rules()::remove);
      throw new ExtensionConfigurationException(
          "Cannot apply the fault annotations of "
              + context.getDisplayName()
              + ": "
              + e.getMessage(),
          e);
    }
    context
        .getStore(Namespace.create(CognitoSyncExtension.class, this, context.getUniqueId()))
        .put(ANNOTATED_FAULTS, new AnnotatedFaults(added, scenario));
  }

  /** The annotations' rules and scenario end with the test, before its {@code @AfterEach}. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    AnnotatedFaults applied =
        context
            .getStore(Namespace.create(CognitoSyncExtension.class, this, context.getUniqueId()))
            .remove(ANNOTATED_FAULTS, AnnotatedFaults.class);
    RunningMock running = find(context);
    if (applied == null || running == null) {
      return;
    }
    var faults = running.server().service().faults();
    applied.ruleIds().forEach(faults.rules()::remove);
    if (applied.scenario()) {
      faults.unloadScenario();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopOwn(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopOwn(context);
  }

  private record AnnotatedFaults(java.util.List<String> ruleIds, boolean scenario) {}

  private RunningMock start(ExtensionContext context) {
    MockOptions options = configured != null ? configured : optionsFromAnnotation(context);
    if (options.sdkEndpointProperties()) {
      SdkEndpointProperties.refuseParallel(context, context.getTestMethod().isPresent());
    }
    RunningMock running = RunningMock.start(options, classLoader(context));
    if (options.sdkEndpointProperties()) {
      try {
        SdkEndpointProperties.claim(running, context.getDisplayName());
      } catch (RuntimeException e) {
        running.stop();
        throw e;
      }
    }
    store(context).put(MOCK, running);
    current = running;
    return running;
  }

  /** Stops the mock this very context started; a mock found in a parent is the parent's. */
  private void stopOwn(ExtensionContext context) {
    RunningMock running = store(context).remove(MOCK, RunningMock.class);
    if (running != null) {
      if (current == running) {
        current = null;
      }
      SdkEndpointProperties.release(running);
      running.stop();
    }
  }

  /**
   * The running mock of this context or an enclosing one (class for a method, outer for nested).
   */
  private RunningMock find(ExtensionContext context) {
    return store(context).get(MOCK, RunningMock.class);
  }

  private Store store(ExtensionContext context) {
    // keyed by this instance too: two registrations in one class are two mocks
    return new Store(context.getStore(Namespace.create(CognitoSyncExtension.class, this)));
  }

  /** A typed view of JUnit's store; keeps the callbacks free of casts. */
  private record Store(ExtensionContext.Store store) {
    void put(String key, RunningMock value) {
      store.put(key, value);
    }

    <T> T get(String key, Class<T> type) {
      return store.get(key, type);
    }

    <T> T remove(String key, Class<T> type) {
      return store.remove(key, type);
    }
  }

  private static ClassLoader classLoader(ExtensionContext context) {
    return context
        .getTestClass()
        .map(Class::getClassLoader)
        .orElse(CognitoSyncExtension.class.getClassLoader());
  }

  private static MockOptions optionsFromAnnotation(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<CognitoSyncTest> annotation =
          AnnotationSupport.findAnnotation(c, CognitoSyncTest.class);
      if (annotation.isPresent()) {
        return Builder.from(annotation.get()).options();
      }
    }
    return new Builder().options();
  }

  // ------------------------------------------------------------------ injection

  /**
   * Claims only what the mock owns: its SDK clients, its handle, and (to explain the mistake) its
   * own classes. Shared types, {@link URI} and any other SDK type, only when the parameter carries
   * the qualifier {@link CognitoSyncInject}: so another resolver of URIs or SDK types
   * (LocalStack's, a Spring test context) works beside this one.
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return owned(type) || parameter.isAnnotated(CognitoSyncInject.class) || ours(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (!provides(type)) {
      throw new ParameterResolutionException(
          "Cannot inject "
              + parameter.getParameter()
              + " of "
              + parameter.getDeclaringExecutable()
              + ": "
              + type.getName()
              + " is not something the mock provides. "
              + PROVIDES);
    }
    RunningMock running = find(context);
    if (running == null) {
      throw new ParameterResolutionException(
          "The Cognito Sync mock is not running for "
              + parameter.getDeclaringExecutable()
              + ": an instance-field @RegisterExtension starts"
              + " it per test, so it cannot be injected into constructors or @BeforeAll methods");
    }
    try {
      return value(type, running, parameter.findAnnotation(IdentityCredentials.class).orElse(null));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(
          "Cannot make a " + type.getName() + " for the Cognito Sync mock: " + e.getMessage(), e);
    }
  }

  /** Everything that can be injected; {@link URI} only with the qualifier. */
  private static boolean provides(Class<?> type) {
    return type == URI.class || owned(type);
  }

  /**
   * By name, so that IdentitySdkClients (and the SDK) load only when such a client is asked for.
   */
  private static boolean isIdentityClient(Class<?> type) {
    return type.getName()
            .equals("software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient")
        || type.getName()
            .equals("software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient");
  }

  /** Types no other extension has a reason to resolve: injected without a qualifier. */
  private static boolean owned(Class<?> type) {
    return type == CognitoSyncMock.class || isClient(type) || isIdentityClient(type);
  }

  private static boolean ours(Class<?> type) {
    return type.getName().startsWith("dev.cognitosyncmock.");
  }

  /** Only here are SDK types named, and only by their names, so the SDK is loaded on demand. */
  private static Object value(Class<?> type, RunningMock running, IdentityCredentials identity) {
    if (identity != null && !isClient(type)) {
      throw new ParameterResolutionException(
          "@IdentityCredentials goes on a CognitoSyncClient"
              + " or CognitoSyncAsyncClient, not on "
              + type.getName());
    }
    if (type == URI.class) {
      return running.server().endpoint();
    }
    if (type == CognitoSyncMock.class) {
      return running.handle();
    }
    if (isIdentityClient(type)) {
      return IdentitySdkClients.client(type.getName(), running);
    }
    return identity == null
        ? SdkClients.client(type.getName(), running)
        : SdkClients.identityClient(type.getName(), identity.value(), running);
  }

  private static boolean isClient(Class<?> type) {
    return type.getName().equals(SdkClients.SYNC_CLIENT)
        || type.getName().equals(SdkClients.ASYNC_CLIENT);
  }

  private static void injectStaticFields(Class<?> testClass, RunningMock running) {
    for (Field field :
        AnnotationSupport.findAnnotatedFields(
            testClass, CognitoSyncInject.class, f -> Modifier.isStatic(f.getModifiers()))) {
      set(field, null, running);
    }
  }

  private static void injectInstanceFields(Object instance, RunningMock running) {
    for (Field field :
        AnnotationSupport.findAnnotatedFields(
            instance.getClass(),
            CognitoSyncInject.class,
            f -> !Modifier.isStatic(f.getModifiers()))) {
      set(field, instance, running);
    }
  }

  private static void set(Field field, Object target, RunningMock running) {
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@CognitoSyncInject field "
              + field
              + " is final: make it non-final so the extension can set it");
    }
    if (!provides(field.getType())) {
      throw new ExtensionConfigurationException(
          "Cannot inject @CognitoSyncInject field "
              + field
              + ": "
              + field.getType().getName()
              + " is not something the mock provides. "
              + PROVIDES);
    }
    try {
      field.setAccessible(true);
      field.set(
          target, value(field.getType(), running, field.getAnnotation(IdentityCredentials.class)));
    } catch (IllegalAccessException e) {
      throw new ExtensionConfigurationException("Cannot set " + field, e);
    }
  }

  // ------------------------------------------------------------------ options

  /**
   * Every option of one mock: the {@link CognitoSyncOptions} (the same as the standalone server's
   * flags, with {@link #options}), and what has no text form (clock, ids, seeds from the classpath,
   * quotas, access-key objects, WireMock options). Defaults: free port, lenient pools, system
   * clock, random ids. The options' typed setters are {@link OptionSetters}'s.
   */
  public static final class Builder implements OptionSetters<Builder> {
    private final CognitoSyncOptions.Builder options = CognitoSyncOptions.builder();
    private EngineSettings settings = EngineSettings.DEFAULT;
    private Clock clock;
    private Instant clockStart;
    private Supplier<IdSource> ids = IdSource::random;
    private StateSeed seed;
    private ResetPolicy reset = ResetPolicy.PER_TEST;
    private Consumer<WireMockConfiguration> wireMockOptions = c -> {};
    private final List<AccessKey> credentials = new ArrayList<>();
    private boolean sdkEndpointProperties;

    private Builder() {}

    static Builder from(CognitoSyncTest a) {
      String where = "@CognitoSyncTest";
      Builder b =
          new Builder()
              .port(a.port())
              .strictPools(a.strictPools())
              .accountId(a.accountId())
              .reset(a.reset())
              .verbose(a.verbose())
              .verifySignatures(a.verifySignatures())
              .enforceCredentialClasses(a.enforceCredentialClasses())
              .sdkEndpointProperties(a.sdkEndpointProperties());
      if (!a.tokenExpiry().isEmpty()) {
        b.options.setText(
            CognitoSyncOptions.TOKEN_EXPIRY, a.tokenExpiry(), where + "(tokenExpiry)");
      }
      if (!a.clockStart().isEmpty()) {
        b.clockStartingAt(Instant.parse(a.clockStart()));
      }
      if (a.sequentialIds()) {
        b.sequentialIds();
      }
      if (!a.seed().isEmpty()) {
        b.seed(StateSeed.parse(a.seed()));
      }
      b.options.arguments(a.options());
      return b;
    }

    /**
     * Sets an option, or unsets it; one that does not apply to the extension fails the build.
     *
     * @param <T> the option's value type
     * @param option the option
     * @param value its value, or null to unset it
     * @return this builder
     */
    @Override
    public <T> Builder set(Option<T> option, T value) {
      options.set(option, value);
      return this;
    }

    /**
     * Dataset and record limits; default the service's.
     *
     * @param quotas the limits, not null
     * @return this builder
     */
    public Builder quotas(Quotas quotas) {
      settings = settings.with(s -> s.quotas = Objects.requireNonNull(quotas));
      return this;
    }

    /**
     * All engine settings at once; replaces strictPools, tokenExpiry and quotas given before.
     *
     * @param settings the settings, not null
     * @return this builder
     */
    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      return strictPools(settings.strictPools()).tokenExpiry(settings.tokenExpiry());
    }

    /**
     * A clock used as given (never rewound). Pass a {@link MutableClock} to move it from the
     * handle; the clock is shared by every class the extension serves.
     *
     * @param clock the clock, not null; replaces {@link #clockStartingAt}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      this.clockStart = null;
      return this;
    }

    /**
     * A {@link MutableClock} per mock, starting at {@code start}, that the handle can advance and
     * that goes back to its start (or the class's baseline) on reset.
     *
     * @param start the clock's start, not null; replaces {@link #clock}
     * @return this builder
     */
    public Builder clockStartingAt(Instant start) {
      this.clockStart = Objects.requireNonNull(start);
      this.clock = null;
      return this;
    }

    /**
     * Ids counting up from {@code 00000000-0000-4000-8000-000000000001}, restarting on reset.
     *
     * @return this builder
     */
    public Builder sequentialIds() {
      return ids(IdSource::sequential);
    }

    /**
     * Where ids come from; the supplier is asked again for a fresh source on every reset.
     *
     * @param ids supplies a fresh id source, not null; default random ids
     * @return this builder
     */
    public Builder ids(Supplier<IdSource> ids) {
      this.ids = Objects.requireNonNull(ids);
      return this;
    }

    /**
     * Starting state from a JSON file in the admin export format.
     *
     * @param file the document
     * @return this builder
     */
    public Builder seedFromFile(Path file) {
      return seed(StateSeed.file(file));
    }

    /**
     * Starting state from a classpath resource in the admin export format.
     *
     * @param resource the resource name
     * @return this builder
     */
    public Builder seedFromClasspath(String resource) {
      return seed(StateSeed.classpath(resource));
    }

    /**
     * Starting state, read once when the mock starts and re-applied on every reset; default none.
     *
     * @param seed where the state comes from, not null
     * @return this builder
     */
    public Builder seed(StateSeed seed) {
      this.seed = Objects.requireNonNull(seed);
      return this;
    }

    /**
     * When state goes back to its starting point (default: before each test).
     *
     * @param reset the policy, not null
     * @return this builder
     */
    public Builder reset(ResetPolicy reset) {
      this.reset = Objects.requireNonNull(reset);
      return this;
    }

    /**
     * Any further WireMock option, applied last (e.g. {@code c -> c.bindAddress("0.0.0.0")}).
     *
     * @param customizer changes WireMock's configuration, not null
     * @return this builder
     */
    public Builder wireMockOptions(Consumer<WireMockConfiguration> customizer) {
      this.wireMockOptions = Objects.requireNonNull(customizer);
      return this;
    }

    /**
     * More access keys the mock knows, e.g. for clients the test builds itself.
     *
     * @param keys the keys, added to those given before
     * @return this builder
     */
    public Builder credentials(AccessKey... keys) {
      credentials.addAll(List.of(keys));
      return this;
    }

    /**
     * Points AWS SDK v2 clients that the code under test builds itself (no endpoint in code) at the
     * mock while it runs, through the SDK's {@code aws.endpointUrlCognitoSync} system property,
     * plus {@code aws.region} and the extension's keys when the JVM has none; put back afterwards.
     * JVM-wide, like WireMock's {@code proxyMode}: refused where test classes run in parallel
     * (unless the class is {@code @Isolated}).
     *
     * @param enabled whether to set the properties; default false
     * @return this builder
     */
    public Builder sdkEndpointProperties(boolean enabled) {
      this.sdkEndpointProperties = enabled;
      return this;
    }

    MockOptions options() {
      CognitoSyncOptions built = options.build();
      for (Option<?> o : built.values().keySet()) {
        o.whyNot(Surface.JUNIT)
            .ifPresent(
                why -> {
                  throw new ExtensionConfigurationException(
                      o.flag() + " does not apply to the JUnit" + " extension: " + why);
                });
      }
      return new MockOptions(
          built,
          settings,
          clock,
          clockStart,
          ids,
          seed,
          reset,
          wireMockOptions,
          List.copyOf(credentials),
          sdkEndpointProperties);
    }

    /**
     * {@return the extension, for a {@code @RegisterExtension} field}
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if an option does not
     *     apply to the JUnit extension
     */
    public CognitoSyncExtension build() {
      return new CognitoSyncExtension(options());
    }
  }
}
