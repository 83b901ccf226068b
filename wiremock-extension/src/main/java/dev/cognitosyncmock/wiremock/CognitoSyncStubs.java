package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.UUID;

/**
 * Loads the catch-all stub that hands every request to {@link CognitoSyncResponder}. It has the
 * lowest priority there is, so any stub a user adds wins; WireMock reloads it on every reset.
 */
public final class CognitoSyncStubs implements MappingsLoaderExtension {
  public static final String NAME = "cognito-sync-stubs";
  /** WireMock: lower number, higher priority. Ours comes last. */
  public static final int PRIORITY = Integer.MAX_VALUE;
  public static final UUID STUB_ID = UUID.fromString("c0691705-5ac0-4000-8000-000000000001");

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(catchAll());
  }

  public static StubMapping catchAll() {
    StubMapping stub = any(anyUrl())
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(CognitoSyncResponder.NAME))
        .build();
    stub.setId(STUB_ID);
    stub.setName("Amazon Cognito Sync (stateful mock)");
    return stub;
  }
}
