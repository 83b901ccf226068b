package dev.cognitosyncmock.wiremock;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.ConfigurationFiles;
import dev.cognitosyncmock.options.InvalidOptionException;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.options.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar cognito-sync-mock-wiremock-<version>-standalone.jar [options]}: the mock as a
 * server process. Its flags, environment variables and help are derived from {@link
 * CognitoSyncOptions#ALL}; a flag wins over its variable, which wins over the default.
 *
 * <p>A bad flag, variable or file is one line on standard error naming it, and a non-zero exit: 2
 * for what parsing finds (flags and variables), 1 for what starting finds (files, the port). {@code
 * --debug} adds the stack trace.
 */
public final class StandaloneServer {
  static final String NAME = "cognito-sync-mock";
  static final int USAGE_ERROR = 2;
  static final int START_ERROR = 1;

  private StandaloneServer() {}

  /**
   * Runs the standalone server, or prints its help or version; exits 2 for a usage error, 1 for a
   * start-up error.
   *
   * @param args the flags, as {@code --help} lists them
   */
  public static void main(String[] args) {
    int exit = run(args, System.getenv(), System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Parses, starts and waits until the JVM shuts down; answers the exit status if it fails. */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    CommandLine commandLine = commandLine();
    CognitoSyncOptions options;
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
      options = resolve(parsed, environment);
    } catch (ParameterException e) {
      err.println(NAME + ": " + parameterError(e) + " (see --help)");
      return USAGE_ERROR;
    } catch (InvalidOptionException e) {
      err.println(NAME + ": " + e.getMessage() + " (see --help)");
      return USAGE_ERROR;
    }
    boolean debug = options.get(CognitoSyncOptions.DEBUG);
    try {
      start(options, out);
    } catch (InvalidOptionException e) {
      err.println(NAME + ": " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return START_ERROR;
    } catch (RuntimeException | Error e) {
      err.println(
          NAME
              + ": cannot start: "
              + ConfigurationFiles.cause(e)
              + (debug ? "" : " (--debug shows the stack trace)"));
      if (debug) {
        e.printStackTrace(err);
      }
      return START_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Defaults, then variables, then flags. */
  static CognitoSyncOptions resolve(ParseResult parsed, Map<String, String> environment) {
    CognitoSyncOptions.Builder b = CognitoSyncOptions.builder();
    for (Option<?> o : CognitoSyncOptions.ALL) {
      setDefault(b, o);
    }
    b.environment(environment);
    for (Option<?> o : CognitoSyncOptions.ALL) {
      if (parsed.hasMatchedOption(o.flag())) {
        set(b, o, parsed.matchedOptionValue(o.flag(), null));
      }
    }
    return b.build();
  }

  private static <T> void setDefault(CognitoSyncOptions.Builder b, Option<T> o) {
    if (o.defaultValue() != null) {
      b.set(o, o.defaultValue());
    }
  }

  private static <T> void set(CognitoSyncOptions.Builder b, Option<T> o, Object value) {
    b.set(o, o.type().javaType().cast(value));
  }

  private static void start(CognitoSyncOptions options, PrintStream out)
      throws InterruptedException {
    Logger.getLogger("dev.cognitosyncmock")
        .setLevel(level(options.get(CognitoSyncOptions.LOG_LEVEL)));
    int port = options.get(CognitoSyncOptions.PORT);
    String address = options.get(CognitoSyncOptions.BIND_ADDRESS);
    if (port != 0) {
      CognitoSyncServer.checkPortFree(address, port); // before the slower start-up work
    }
    CognitoSyncServer server = CognitoSyncServer.builder().options(options).build();
    CognitoSyncService service = server.service();
    try {
      server.start();
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    Path endpointFile = endpointFile(address, server.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (endpointFile != null) {
                    endpointFile.toFile().delete();
                  }
                  server.stop(); // saves a recording first
                  service.close();
                  stopped.countDown();
                },
                "cognito-sync-mock-shutdown"));
    if (options.isSet(CognitoSyncOptions.RECORD_FROM)) {
      out.printf(
          "Recording %s into %s (%s)%n",
          options.get(CognitoSyncOptions.RECORD_FROM),
          server.filesRoot().orElseThrow().toAbsolutePath(),
          server
              .recordingSigner()
              .map(s -> "requests signed again for " + s.region() + " with AWS_ACCESS_KEY_ID")
              .orElse("requests forwarded as signed by the client"));
    }
    out.printf(
        "Cognito Sync mock listening on http://%s:%d (%s%s%s)%n",
        address,
        server.port(),
        options
            .find(CognitoSyncOptions.PERSISTENCE_DIRECTORY)
            .map(d -> "state kept in " + d)
            .orElse("in-memory state"),
        options.find(CognitoSyncOptions.SEED_FILE).map(f -> ", seeded from " + f).orElse(""),
        securitySummary(service));
    out.flush();
    stopped.await();
  }

  /**
   * Where the server tells the image's health check what it listens on, whichever way the port and
   * bind address were set (flag, variable, port 0): the system property {@value
   * #ENDPOINT_FILE_PROPERTY}, which the image's entry point sets. Not a user option.
   */
  static final String ENDPOINT_FILE_PROPERTY = "cognitosyncmock.endpointFile";

  /** Writes {@code http://host:port} to the endpoint file, if one is asked for; null if not. */
  private static Path endpointFile(String bindAddress, int port) {
    String name = System.getProperty(ENDPOINT_FILE_PROPERTY);
    if (name == null || name.isBlank()) {
      return null;
    }
    Path file = Path.of(name);
    String host =
        switch (bindAddress) {
          case "0.0.0.0" -> "127.0.0.1";
          case "::", "[::]", "0:0:0:0:0:0:0:0" -> "[::1]";
          default ->
              bindAddress.contains(":") && !bindAddress.startsWith("[")
                  ? "[" + bindAddress + "]"
                  : bindAddress;
        };
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, "http://" + host + ":" + port + "\n");
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      Logger.getLogger(StandaloneServer.class.getName())
          .warning(
              "Cannot write "
                  + file
                  + " for the health check ("
                  + e.getMessage()
                  + "); it falls back to the variables");
      return null;
    }
  }

  /** The command line, its flags and help derived from the options' definitions. */
  static CommandLine commandLine() {
    CommandSpec spec =
        CommandSpec.create()
            .name(NAME)
            .mixinStandardHelpOptions(true)
            .versionProvider(() -> new String[] {NAME + " " + version()});
    spec.usageMessage()
        .description(
            "A stateful mock of the Amazon Cognito Sync API (2014-06-30), on WireMock.",
            "Every option can also be set by its environment variable; a flag wins over it.")
        .sortOptions(false)
        .footerHeading("%n")
        .footer(FOOTER.split("\n"));
    for (Option<?> o : CognitoSyncOptions.ALL) {
      if (o.appliesTo(Surface.FLAG)) {
        spec.addOption(optionSpec(o));
      }
    }
    CommandLine commandLine = new CommandLine(spec);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  private static <T> OptionSpec optionSpec(Option<T> o) {
    boolean flag = o.type() == ValueType.BOOLEAN;
    OptionSpec.Builder b =
        OptionSpec.builder(o.flag())
            .type(o.type().javaType())
            .paramLabel(o.type().label())
            .arity(flag ? "0..1" : "1")
            .description(
                o.meaning().replace("`", "")
                    + " (env "
                    + o.env()
                    + (o.defaultValue() != null
                        ? ", default " + o.format(o.defaultValue())
                        : o.defaultText().equals("none") ? "" : ", default " + o.defaultText())
                    + ")")
            .converters(
                text -> {
                  try {
                    return o.type().parse(text);
                  } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(
                        "'" + text + "': " + e.getMessage());
                  }
                });
    if (flag) {
      b.fallbackValue("true");
    }
    if (!o.type().candidates().isEmpty()) {
      b.completionCandidates(o.type().candidates());
    }
    return b.build();
  }

  private static final String FOOTER =
      """
      Endpoints, all on the one port:
        /                               the Cognito Sync API: point an SDK or the AWS CLI here
        /__admin/health                 200 when ready (open even with --admin-token)
        /__admin/cognito-sync/state     GET exports the whole state, PUT imports it
        /__admin/cognito-sync/reset     POST empties the state
        /__admin/cognito-sync/faults    GET, POST, DELETE fault rules
        /__admin/...                    WireMock's own admin API (mappings, requests, recordings)

      Examples:
        java -jar cognito-sync-mock.jar --port 9090 --strict-pools
        java -jar cognito-sync-mock.jar --seed-file seed.json --persistence-dir state
        COGNITO_SYNC_MOCK_FAULT_FILE=faults.json java -jar cognito-sync-mock.jar --verbose

      Then, for example:
        aws cognito-sync list-records --endpoint-url http://localhost:9090 \\
          --identity-pool-id us-east-1:00000000-0000-0000-0000-000000000001 \\
          --identity-id us-east-1:0000000a-0000-0000-0000-000000000000 --dataset-name prefs""";

  /** One line: picocli's message, with its suggestion for a mistyped flag. */
  private static String parameterError(ParameterException e) {
    String message =
        InvalidOptionException.class.isInstance(e.getCause())
            ? e.getCause().getMessage()
            : e.getMessage();
    StringBuilder line = new StringBuilder(message.replaceAll("\\s*\\R\\s*", " ").strip());
    if (e instanceof UnmatchedArgumentException u) {
      u.getUnmatched().stream()
          .filter(a -> a.startsWith("--"))
          .findFirst()
          .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
          .flatMap(StandaloneServer::closestFlag)
          .ifPresent(flag -> line.append("; did you mean ").append(flag).append('?'));
    }
    return line.toString();
  }

  /** The flag a typo most likely meant: at most two letters off. */
  static java.util.Optional<String> closestFlag(String typed) {
    String best = null;
    int bestDistance = 3;
    for (Option<?> o : CognitoSyncOptions.ALL) {
      int d = distance(typed, o.flag());
      if (d < bestDistance) {
        best = o.flag();
        bestDistance = d;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The version Maven wrote into the jar (resource filtering). */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = StandaloneServer.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no version is better than no server
    }
    String v = p.getProperty("version", "");
    return v.isEmpty() || v.startsWith("${") ? "(version unknown)" : v;
  }

  private static String securitySummary(CognitoSyncService service) {
    StringBuilder b = new StringBuilder();
    if (service.security().verifySignatures()) {
      b.append(", signatures verified against ")
          .append(service.security().credentials().size())
          .append(" keys");
    }
    if (service.security().enforceCredentialClasses()) {
      b.append(", credential classes enforced");
    }
    if (service.adminToken().isPresent()) {
      b.append(", admin API token required");
    }
    return b.toString();
  }

  private static Level level(ValueType.LogLevel level) {
    return switch (level) {
      case ERROR -> Level.SEVERE;
      case WARN -> Level.WARNING;
      case INFO -> Level.INFO;
      case DEBUG -> Level.FINE;
    };
  }
}
