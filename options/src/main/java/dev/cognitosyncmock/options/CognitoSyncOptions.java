package dev.cognitosyncmock.options;

import static dev.cognitosyncmock.options.Surface.BUILDER;
import static dev.cognitosyncmock.options.Surface.CONTAINER;
import static dev.cognitosyncmock.options.Surface.JUNIT;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mock's options: each defined once below, and one immutable set of values for them, the way
 * WireMock's {@code Options} is one object for every surface. The standalone server derives its
 * flags, environment variables and help from {@link #ALL}; {@code CognitoSyncServer} and {@code
 * CognitoSyncService} builders, the JUnit extension and {@code CognitoSyncContainer} take these
 * values; {@code OptionSurfacesTest} checks every surface and both docs tables against {@link
 * #ALL}.
 *
 * <p>Adding an option is one entry in {@link #ALL}: flags, variables, help, the JUnit annotation's
 * {@code options} and {@code CognitoSyncContainer.withOption} follow from it. Then apply it where
 * it takes effect ({@code CognitoSyncService} or {@code CognitoSyncServer}); the surfaces test
 * names what is still missing (a one-line typed builder and container method, the rows of the
 * README tables).
 *
 * <p>Settings with no text form (a {@code Clock}, an id source, quotas, access-key objects, a
 * WireMock customizer) are not options: they stay on the builders that use them.
 */
public final class CognitoSyncOptions {
  private static final String IN_PROCESS_LOGGING =
      "an in-process mock logs through the host's"
          + " java.util.logging configuration (logger dev.cognitosyncmock), which the mock leaves alone";
  private static final String IN_PROCESS_ERRORS =
      "in-process, a start-up error is an exception" + " that carries its cause";

  /**
   * Port to listen on, 0 for a free one; default 8080, in-process 0. Not settable on the container.
   */
  public static final Option<Integer> PORT =
      Option.of("port", ValueType.PORT, "port to listen on")
          .defaultsTo(8080)
          .inProcessDefault(0, "8080 (in-process: 0, a free port)")
          .notFor(
              CONTAINER,
              "the server listens on 8080 inside the container; Testcontainers maps"
                  + " it to a free host port (getEndpoint(), getMappedPort(8080))");

  /** Address to bind; default 0.0.0.0, in-process 127.0.0.1. Not settable on the container. */
  public static final Option<String> BIND_ADDRESS =
      Option.of("bindAddress", ValueType.ADDRESS, "address to bind")
          .defaultsTo("0.0.0.0")
          .inProcessDefault("127.0.0.1", "0.0.0.0 (in-process: 127.0.0.1)")
          .notFor(
              CONTAINER,
              "inside the container the server must bind 0.0.0.0 to be reachable"
                  + " through the mapped port");

  /**
   * Whether unknown identity pools answer 404 until created through the admin API; default false.
   */
  public static final Option<Boolean> STRICT_POOLS =
      Option.of(
              "strictPools",
              ValueType.BOOLEAN,
              "unknown identity pools answer 404 until created through the admin API")
          .defaultsTo(false);

  /** Lifetime of a {@code SyncSessionToken}; default one hour. */
  public static final Option<Duration> TOKEN_EXPIRY =
      Option.of(
              "tokenExpiry",
              ValueType.DURATION,
              "SyncSessionToken lifetime, ISO-8601 (PT15M) or seconds")
          .defaultsTo(Duration.ofHours(1));

  /**
   * Account id shown as {@code LastModifiedBy} for developer credentials; default {@code
   * 123456789012}.
   */
  public static final Option<String> ACCOUNT_ID =
      Option.of("accountId", ValueType.TEXT, "`LastModifiedBy` for developer credentials")
          .defaultsTo("123456789012");

  /**
   * State document loaded at start-up when the persistence directory holds no state yet; default
   * none.
   */
  public static final Option<Path> SEED_FILE =
      Option.of(
          "seedFile",
          ValueType.FILE,
          "state document (as GET /__admin/cognito-sync/state exports) loaded at start-up, when the"
              + " persistence directory holds no state yet");

  /** Directory that keeps state durable across restarts; default none, state lives in memory. */
  public static final Option<Path> PERSISTENCE_DIRECTORY =
      Option.of(
              "persistenceDirectory",
              ValueType.DIRECTORY,
              "keep state durable in this directory (journal fsynced before"
                  + " each answer, compacted into snapshots)")
          .flagged("--persistence-dir", "COGNITO_SYNC_MOCK_PERSISTENCE_DIR")
          .defaultText("none: in memory");

  /** Fault rules in force from start-up; default none. */
  public static final Option<Path> FAULT_FILE =
      Option.of(
          "faultFile",
          ValueType.FILE,
          "fault rules in force from start-up (a rule, an array or {\"rules\": [...]})");

  /** Scenario replayed from the first call, its marked steps failing as marked; default none. */
  public static final Option<Path> SCENARIO_FILE =
      Option.of(
          "scenarioFile",
          ValueType.FILE,
          "a scenario replayed from the first call: its marked steps fail as marked");

  /**
   * WireMock's files root: its {@code mappings} load at start-up and win over the mock; recordings
   * are written there. Default none.
   */
  public static final Option<Path> ROOT_DIRECTORY =
      Option.of(
              "rootDirectory",
              ValueType.DIRECTORY,
              "WireMock's files root: your mappings in DIR/mappings load at"
                  + " start-up (they win over the mock); recordings go there")
          .flagged("--root-dir", "COGNITO_SYNC_MOCK_ROOT_DIR")
          .defaultText("none (. with --record-from)");

  /**
   * Directory of seed, fault, scenario and mapping files loaded at start-up, each when present;
   * default none.
   */
  public static final Option<Path> INIT_DIRECTORY =
      Option.of(
              "initDirectory",
              ValueType.DIRECTORY,
              "a directory loaded at start-up: seed.json, identity-seed.json,"
                  + " faults.json, scenario.json and mappings/ (with __files/), each when present;"
                  + " anything else there is refused; an explicit file or files root option wins")
          .flagged("--init-dir", "COGNITO_SYNC_MOCK_INIT_DIR")
          .defaultText("none (the image: /etc/cognito-sync-mock/init)");

  /** Endpoint every API call is proxied to and recorded from (proxy mode); default none. */
  public static final Option<URI> RECORD_FROM =
      Option.of(
          "recordFrom",
          ValueType.URL,
          "proxy mode: forward every API call to this endpoint (e.g."
              + " https://cognito-sync.us-east-1.amazonaws.com) and record it into the files root");

  /**
   * Region proxied requests are signed for; default taken from the {@link #RECORD_FROM} host, else
   * {@code us-east-1}.
   */
  public static final Option<String> RECORD_REGION =
      Option.of(
              "recordRegion",
              ValueType.TEXT,
              "region proxied requests are signed for, with AWS_ACCESS_KEY_ID,"
                  + " AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN when set")
          .defaultText("from the --record-from host, else us-east-1");

  /** Whether SigV4 signatures are checked against the configured keys; default false. */
  public static final Option<Boolean> VERIFY_SIGNATURES =
      Option.of(
              "verifySignatures",
              ValueType.BOOLEAN,
              "check SigV4 signatures against the configured keys")
          .defaultsTo(false);

  /** JSON list of the access keys the mock knows; default none. */
  public static final Option<Path> CREDENTIALS_FILE =
      Option.of(
          "credentialsFile",
          ValueType.FILE,
          "access keys the mock knows (developer or identity), a JSON list");

  /**
   * Whether developer-only and identity-only operations and identity isolation are enforced;
   * default false.
   */
  public static final Option<Boolean> ENFORCE_CREDENTIAL_CLASSES =
      Option.of(
              "enforceCredentialClasses",
              ValueType.BOOLEAN,
              "developer-only and identity-only operations, identity isolation (A7)")
          .defaultsTo(false);

  /**
   * Bearer token the admin API requires (all but {@code /__admin/health}); default none, the admin
   * API is open.
   */
  public static final Option<String> ADMIN_TOKEN =
      Option.of(
          "adminToken",
          ValueType.TEXT,
          "require `Authorization: Bearer <token>` on the admin API but /__admin/health; prefer the"
              + " variable, which ps does not show");

  /** Cognito Identity state loaded at start-up; default none. */
  public static final Option<Path> IDENTITY_SEED_FILE =
      Option.of(
          "identitySeedFile",
          ValueType.FILE,
          "Cognito Identity state loaded at start-up (the document"
              + " `GET /__admin/cognito-sync/identity/state` exports)");

  /**
   * Region in the ids of the pools and identities Cognito Identity creates; default {@code
   * us-east-1}.
   */
  public static final Option<String> IDENTITY_REGION =
      Option.of(
              "identityRegion",
              ValueType.TEXT,
              "region in the ids of pools and identities Cognito Identity creates")
          .defaultsTo("us-east-1");

  /**
   * Whether deleting identity pools or identities leaves their Sync data in place; default false.
   */
  public static final Option<Boolean> IDENTITY_KEEPS_SYNC_DATA =
      Option.of(
              "identityKeepsSyncData",
              ValueType.BOOLEAN,
              "DeleteIdentityPool and DeleteIdentities leave the Sync data in place")
          .defaultsTo(false);

  /**
   * Whether expired provider JWTs and JWTs with an unexpected issuer are refused; default false.
   */
  public static final Option<Boolean> STRICT_LOGIN_TOKENS =
      Option.of(
              "strictLoginTokens",
              ValueType.BOOLEAN,
              "refuse expired provider JWTs, and user-pool/OIDC JWTs whose `iss`"
                  + " is not `https://<login key>`")
          .defaultsTo(false);

  /** Number of requests WireMock keeps in its journal, 0 for none; default 1000. */
  public static final Option<Integer> REQUEST_JOURNAL_SIZE =
      Option.of(
              "requestJournalSize",
              ValueType.COUNT,
              "requests WireMock keeps in its journal; 0 turns it off")
          .defaultsTo(1000);

  /**
   * Largest request body accepted, in bytes, as sent and once gunzipped; larger ones are answered
   * 413. Default 8 MiB: the largest valid request (a 1 MiB value of control characters, each
   * escaped as six bytes) fits with room; anything larger only costs memory.
   */
  public static final Option<Integer> MAX_REQUEST_BODY_SIZE =
      Option.of(
              "maxRequestBodySize",
              ValueType.BYTES,
              "largest request body accepted, in bytes, as sent and once gunzipped;"
                  + " larger ones are answered 413 unread")
          .defaultsTo(8 * 1024 * 1024);

  /**
   * Whether the mock answers its own requests before WireMock's stub matching while the catch-all
   * is the only stub and nothing configured would notice; default true. Off, every request takes
   * WireMock's path.
   */
  public static final Option<Boolean> FAST_PATH =
      Option.of(
              "fastPath",
              ValueType.BOOLEAN,
              "answer the mock's requests without WireMock's stub matching while no stub,"
                  + " listener or filter of the user's could notice; false sends every request"
                  + " through WireMock")
          .defaultsTo(true);

  /** Whether every request is logged; default false. */
  public static final Option<Boolean> VERBOSE =
      Option.of("verbose", ValueType.BOOLEAN, "log every request").defaultsTo(false);

  /**
   * Standalone server's log level; default info. In-process mocks log through the host's {@code
   * java.util.logging} configuration instead.
   */
  public static final Option<ValueType.LogLevel> LOG_LEVEL =
      Option.of("logLevel", ValueType.LOG_LEVEL, "error, warn, info or debug")
          .defaultsTo(ValueType.LogLevel.INFO)
          .notFor(BUILDER, IN_PROCESS_LOGGING)
          .notFor(JUNIT, IN_PROCESS_LOGGING);

  /** Whether the standalone server prints a start-up error's stack trace; default false. */
  public static final Option<Boolean> DEBUG =
      Option.of(
              "debug",
              ValueType.BOOLEAN,
              "print the stack trace of a start-up error after its one-line message")
          .defaultsTo(false)
          .notFor(BUILDER, IN_PROCESS_ERRORS)
          .notFor(JUNIT, IN_PROCESS_ERRORS);

  /** Every option, in the order of help texts and docs tables. */
  public static final List<Option<?>> ALL =
      List.of(
          PORT,
          BIND_ADDRESS,
          STRICT_POOLS,
          TOKEN_EXPIRY,
          SEED_FILE,
          PERSISTENCE_DIRECTORY,
          ACCOUNT_ID,
          FAULT_FILE,
          SCENARIO_FILE,
          ROOT_DIRECTORY,
          INIT_DIRECTORY,
          RECORD_FROM,
          RECORD_REGION,
          VERIFY_SIGNATURES,
          CREDENTIALS_FILE,
          ENFORCE_CREDENTIAL_CLASSES,
          IDENTITY_SEED_FILE,
          IDENTITY_REGION,
          IDENTITY_KEEPS_SYNC_DATA,
          STRICT_LOGIN_TOKENS,
          ADMIN_TOKEN,
          REQUEST_JOURNAL_SIZE,
          MAX_REQUEST_BODY_SIZE,
          FAST_PATH,
          VERBOSE,
          LOG_LEVEL,
          DEBUG);

  private static final CognitoSyncOptions NONE = new CognitoSyncOptions(Map.of());

  private final Map<Option<?>, Object> values;

  private CognitoSyncOptions(Map<Option<?>, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@return a builder with no option set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return no option set: every option at its in-process default} */
  public static CognitoSyncOptions defaults() {
    return NONE;
  }

  /**
   * The option named by its flag ({@code --port}), name ({@code port}) or environment variable.
   *
   * @param key a flag, name or variable
   * @return the option, or empty when none has that key
   */
  public static Optional<Option<?>> find(String key) {
    return ALL.stream()
        .filter(o -> o.flag().equals(key) || o.name().equals(key) || o.env().equals(key))
        .findFirst();
  }

  /**
   * The value of an option.
   *
   * @param <T> the option's value type
   * @param option the option
   * @return the value set, else the option's in-process default; null when it has none
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    return values.containsKey(option) ? (T) values.get(option) : option.inProcessDefault();
  }

  /**
   * The value of an option, when it has one.
   *
   * @param <T> the option's value type
   * @param option the option
   * @return the value set or defaulted; empty for an unset option with no default
   */
  public <T> Optional<T> find(Option<T> option) {
    return Optional.ofNullable(get(option));
  }

  /**
   * {@return whether {@code option} was set, as opposed to defaulted}
   *
   * @param option the option
   */
  public boolean isSet(Option<?> option) {
    return values.containsKey(option);
  }

  /** {@return the options set, unmodifiable, in {@link #ALL} order} */
  public Map<Option<?>, Object> values() {
    return values;
  }

  /**
   * {@return these values, then those {@code others} sets on top}
   *
   * @param others the options that win
   */
  public CognitoSyncOptions with(CognitoSyncOptions others) {
    return toBuilder().options(others).build();
  }

  /**
   * {@return these values without {@code option}, which then takes its default}
   *
   * @param option the option to unset
   */
  public CognitoSyncOptions without(Option<?> option) {
    Map<Option<?>, Object> copy = new LinkedHashMap<>(values);
    copy.remove(option);
    return new CognitoSyncOptions(copy);
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return new Builder().options(this);
  }

  /**
   * {@return the values as {@code --flag=value} command-line arguments, e.g. for a child process}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<String> toArguments() {
    List<String> args = new java.util.ArrayList<>();
    values.forEach((o, v) -> args.add(o.flag() + "=" + ((Option) o).format(v)));
    return args;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CognitoSyncOptions other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "CognitoSyncOptions" + toArguments();
  }

  /**
   * Sets options; the typed methods are {@link OptionSetters}'s, one line each over {@link #set}.
   * Values are checked as they are set, so a bad one fails here with the option's name.
   */
  public static final class Builder implements OptionSetters<Builder> {
    private final Map<Option<?>, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets an option, or unsets it.
     *
     * @param <T> the option's value type
     * @param option the option
     * @param value its value, or null to unset it
     * @return this builder
     * @throws InvalidOptionException if the value is out of range
     */
    @Override
    public <T> Builder set(Option<T> option, T value) {
      if (value == null) {
        values.remove(option);
      } else {
        values.put(option, option.check(value));
      }
      return this;
    }

    /**
     * Sets an option from its text form, as a flag or variable would.
     *
     * @param option the option
     * @param text its value as text
     * @param source where the text came from, named in the message of an error
     * @return this builder
     * @throws InvalidOptionException if the text is not a valid value
     */
    public Builder setText(Option<?> option, String text, String source) {
      values.put(option, option.parse(text, source));
      return this;
    }

    /**
     * Sets options written as flags, each {@code --flag=value} (or a bare {@code --flag} for true),
     * as {@code @CognitoSyncTest(options = ...)} takes them.
     *
     * @param arguments the flags
     * @return this builder
     * @throws InvalidOptionException for an unknown flag, a missing value or a bad one
     */
    public Builder arguments(String... arguments) {
      for (String argument : arguments) {
        int eq = argument.indexOf('=');
        String key = (eq < 0 ? argument : argument.substring(0, eq)).strip();
        Option<?> option =
            find(key)
                .filter(o -> key.startsWith("--"))
                .orElseThrow(
                    () ->
                        new InvalidOptionException(
                            null,
                            "unknown option '"
                                + key
                                + "' in '"
                                + argument
                                + "': write --flag=value, one of "
                                + ALL.stream().map(Option::flag).toList()));
        if (eq < 0 && option.type() != ValueType.BOOLEAN) {
          throw new InvalidOptionException(
              option,
              "'" + argument + "' needs a value: " + option.flag() + "=" + option.type().label());
        }
        setText(option, eq < 0 ? "true" : argument.substring(eq + 1), option.flag());
      }
      return this;
    }

    /**
     * Sets options from {@code COGNITO_SYNC_MOCK_*} variables; empty ones are ignored.
     *
     * @param environment variables by name, e.g. {@link System#getenv()}
     * @return this builder
     * @throws InvalidOptionException for a bad value
     */
    public Builder environment(Map<String, String> environment) {
      for (Option<?> option : ALL) {
        String text = environment.get(option.env());
        if (text != null && !text.isBlank() && option.appliesTo(Surface.ENV)) {
          setText(option, text, "environment variable " + option.env());
        }
      }
      return this;
    }

    /** {@return the options set so far} */
    public CognitoSyncOptions build() {
      return new CognitoSyncOptions(ordered(values));
    }

    private static Map<Option<?>, Object> ordered(Map<Option<?>, Object> values) {
      Map<Option<?>, Object> out = new LinkedHashMap<>();
      for (Option<?> o : ALL) {
        if (values.containsKey(o)) {
          out.put(o, Objects.requireNonNull(values.get(o)));
        }
      }
      return out;
    }
  }
}
