package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.cognitosyncmock.CognitoSyncService;
import java.util.List;

/**
 * Service-loading entry point ({@code META-INF/services}, used when WireMock's extension scanning
 * is on) and a convenient way to hand WireMock a mock built in code.
 */
public final class CognitoSyncExtensionFactory implements ExtensionFactory {
  private final CognitoSyncService service;

  /** A factory of a mock with default settings, for service loading. */
  public CognitoSyncExtensionFactory() {
    this(CognitoSyncService.createDefault());
  }

  /**
   * A factory of the extensions serving a mock built in code.
   *
   * @param service the mock
   */
  public CognitoSyncExtensionFactory(CognitoSyncService service) {
    this.service = service;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    return List.of(
        new CognitoSyncWireMockExtension(service),
        new CognitoSyncRecording(),
        new ProxiedCallRecorder(service));
  }
}
