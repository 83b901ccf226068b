package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.cognitosyncmock.CognitoSyncService;
import java.util.List;
import java.util.Set;

/**
 * Service-loading entry point ({@code META-INF/services}, used when WireMock's extension scanning
 * is on) and a convenient way to hand WireMock a mock built in code.
 */
public final class CognitoSyncExtensionFactory implements ExtensionFactory {
  private final CognitoSyncService service;
  private final FastPath fastPath;

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
    this(service, null);
  }

  /** The extensions of {@link CognitoSyncServer}, which tell its fast path what else is loaded. */
  CognitoSyncExtensionFactory(CognitoSyncService service, FastPath fastPath) {
    this.service = service;
    this.fastPath = fastPath;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    List<Extension> own =
        List.of(
            new CognitoSyncWireMockExtension(service),
            new CognitoSyncRecording(),
            new ProxiedCallRecorder(service));
    if (fastPath != null) {
      fastPath.extensions(services.getExtensions(), Set.copyOf(own));
    }
    return own;
  }
}
