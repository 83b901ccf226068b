package dev.cognitosyncmock.options;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A typed setter for every option, each written once over {@link #set}: the options builder and the
 * builders of the service, the server and the JUnit extension all have them. An option that does
 * not apply where it is set is refused when that builder builds.
 *
 * @param <B> the builder
 */
public interface OptionSetters<B extends OptionSetters<B>> {
  /**
   * Sets an option, or unsets it.
   *
   * @param <T> the option's value type
   * @param option the option
   * @param value its value, or null to unset it
   * @return this builder
   * @throws InvalidOptionException if the value is out of range
   */
  <T> B set(Option<T> option, T value);

  /**
   * Sets every option {@code others} sets, over those set before.
   *
   * @param others the options to copy
   * @return this builder
   */
  default B options(CognitoSyncOptions others) {
    for (Option<?> option : CognitoSyncOptions.ALL) {
      if (others.isSet(option)) {
        copy(option, others);
      }
    }
    @SuppressWarnings("unchecked") // B is the class implementing this interface
    B self = (B) this;
    return self;
  }

  private <T> void copy(Option<T> option, CognitoSyncOptions from) {
    set(option, from.get(option));
  }

  /**
   * Sets {@link CognitoSyncOptions#PORT}.
   *
   * @param port 0-65535, 0 for a free port
   * @return this builder
   */
  default B port(int port) {
    return set(CognitoSyncOptions.PORT, port);
  }

  /**
   * Sets {@link CognitoSyncOptions#BIND_ADDRESS}.
   *
   * @param address a host name or IP address; null unsets it
   * @return this builder
   */
  default B bindAddress(String address) {
    return set(CognitoSyncOptions.BIND_ADDRESS, address);
  }

  /**
   * Sets {@link CognitoSyncOptions#STRICT_POOLS}.
   *
   * @param strict whether unknown pools answer 404
   * @return this builder
   */
  default B strictPools(boolean strict) {
    return set(CognitoSyncOptions.STRICT_POOLS, strict);
  }

  /**
   * Sets {@link CognitoSyncOptions#TOKEN_EXPIRY}.
   *
   * @param expiry longer than zero; null unsets it
   * @return this builder
   */
  default B tokenExpiry(Duration expiry) {
    return set(CognitoSyncOptions.TOKEN_EXPIRY, expiry);
  }

  /**
   * Sets {@link CognitoSyncOptions#ACCOUNT_ID}.
   *
   * @param accountId the account id; null unsets it
   * @return this builder
   */
  default B accountId(String accountId) {
    return set(CognitoSyncOptions.ACCOUNT_ID, accountId);
  }

  /**
   * Sets {@link CognitoSyncOptions#SEED_FILE}.
   *
   * @param file the state document; null unsets it
   * @return this builder
   */
  default B seedFile(Path file) {
    return set(CognitoSyncOptions.SEED_FILE, file);
  }

  /**
   * Sets {@link CognitoSyncOptions#PERSISTENCE_DIRECTORY}.
   *
   * @param directory where state is kept; null keeps it in memory
   * @return this builder
   */
  default B persistenceDirectory(Path directory) {
    return set(CognitoSyncOptions.PERSISTENCE_DIRECTORY, directory);
  }

  /**
   * Sets {@link CognitoSyncOptions#FAULT_FILE}.
   *
   * @param file the fault rules; null unsets it
   * @return this builder
   */
  default B faultFile(Path file) {
    return set(CognitoSyncOptions.FAULT_FILE, file);
  }

  /**
   * Sets {@link CognitoSyncOptions#SCENARIO_FILE}.
   *
   * @param file the scenario; null unsets it
   * @return this builder
   */
  default B scenarioFile(Path file) {
    return set(CognitoSyncOptions.SCENARIO_FILE, file);
  }

  /**
   * Sets {@link CognitoSyncOptions#ROOT_DIRECTORY}.
   *
   * @param directory WireMock's files root; null unsets it
   * @return this builder
   */
  default B rootDirectory(Path directory) {
    return set(CognitoSyncOptions.ROOT_DIRECTORY, directory);
  }

  /**
   * Sets {@link CognitoSyncOptions#INIT_DIRECTORY}.
   *
   * @param directory the init directory; null unsets it
   * @return this builder
   */
  default B initDirectory(Path directory) {
    return set(CognitoSyncOptions.INIT_DIRECTORY, directory);
  }

  /**
   * Sets {@link CognitoSyncOptions#RECORD_FROM}.
   *
   * @param endpoint an http or https URL; null turns proxy mode off
   * @return this builder
   */
  default B recordFrom(URI endpoint) {
    return set(CognitoSyncOptions.RECORD_FROM, endpoint);
  }

  /**
   * Sets {@link CognitoSyncOptions#RECORD_REGION}.
   *
   * @param region e.g. {@code eu-west-1}; null unsets it
   * @return this builder
   */
  default B recordRegion(String region) {
    return set(CognitoSyncOptions.RECORD_REGION, region);
  }

  /**
   * Sets {@link CognitoSyncOptions#VERIFY_SIGNATURES}.
   *
   * @param verify whether signatures are checked
   * @return this builder
   */
  default B verifySignatures(boolean verify) {
    return set(CognitoSyncOptions.VERIFY_SIGNATURES, verify);
  }

  /**
   * Sets {@link CognitoSyncOptions#CREDENTIALS_FILE}.
   *
   * @param file the access keys; null unsets it
   * @return this builder
   */
  default B credentialsFile(Path file) {
    return set(CognitoSyncOptions.CREDENTIALS_FILE, file);
  }

  /**
   * Sets {@link CognitoSyncOptions#ENFORCE_CREDENTIAL_CLASSES}.
   *
   * @param enforce whether credential classes are enforced
   * @return this builder
   */
  default B enforceCredentialClasses(boolean enforce) {
    return set(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES, enforce);
  }

  /**
   * Sets {@link CognitoSyncOptions#IDENTITY_SEED_FILE}.
   *
   * @param file the Cognito Identity state; null unsets it
   * @return this builder
   */
  default B identitySeedFile(Path file) {
    return set(CognitoSyncOptions.IDENTITY_SEED_FILE, file);
  }

  /**
   * Sets {@link CognitoSyncOptions#IDENTITY_REGION}.
   *
   * @param region e.g. {@code eu-west-1}; null unsets it
   * @return this builder
   */
  default B identityRegion(String region) {
    return set(CognitoSyncOptions.IDENTITY_REGION, region);
  }

  /**
   * Sets {@link CognitoSyncOptions#IDENTITY_KEEPS_SYNC_DATA}.
   *
   * @param keeps whether Sync data outlives its identity
   * @return this builder
   */
  default B identityKeepsSyncData(boolean keeps) {
    return set(CognitoSyncOptions.IDENTITY_KEEPS_SYNC_DATA, keeps);
  }

  /**
   * Sets {@link CognitoSyncOptions#STRICT_LOGIN_TOKENS}.
   *
   * @param strict whether login tokens are checked
   * @return this builder
   */
  default B strictLoginTokens(boolean strict) {
    return set(CognitoSyncOptions.STRICT_LOGIN_TOKENS, strict);
  }

  /**
   * Sets {@link CognitoSyncOptions#ADMIN_TOKEN}.
   *
   * @param token the bearer token; null leaves the admin API open
   * @return this builder
   */
  default B adminToken(String token) {
    return set(CognitoSyncOptions.ADMIN_TOKEN, token);
  }

  /**
   * Sets {@link CognitoSyncOptions#REQUEST_JOURNAL_SIZE}.
   *
   * @param size requests kept, 0 for none
   * @return this builder
   */
  default B requestJournalSize(int size) {
    return set(CognitoSyncOptions.REQUEST_JOURNAL_SIZE, size);
  }

  /**
   * Sets {@link CognitoSyncOptions#MAX_REQUEST_BODY_SIZE}.
   *
   * @param bytes at least 1
   * @return this builder
   */
  default B maxRequestBodySize(int bytes) {
    return set(CognitoSyncOptions.MAX_REQUEST_BODY_SIZE, bytes);
  }

  /**
   * Sets {@link CognitoSyncOptions#VERBOSE}.
   *
   * @param verbose whether every request is logged
   * @return this builder
   */
  default B verbose(boolean verbose) {
    return set(CognitoSyncOptions.VERBOSE, verbose);
  }

  /**
   * Sets {@link CognitoSyncOptions#FAST_PATH}.
   *
   * @param fastPath whether the mock may answer its own requests before WireMock's stub matching
   * @return this builder
   */
  default B fastPath(boolean fastPath) {
    return set(CognitoSyncOptions.FAST_PATH, fastPath);
  }
}
