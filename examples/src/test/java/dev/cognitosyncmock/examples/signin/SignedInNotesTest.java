package dev.cognitosyncmock.examples.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * The app's real sign-in path against the mock: the injected CognitoIdentityClient (developer
 * credentials) sets the pool up as an administrator would; the app itself only has the pool id.
 */
@CognitoSyncTest
class SignedInNotesTest {
  String pool;

  @BeforeEach
  void createPool(CognitoIdentityClient admin) {
    pool =
        admin
            .createIdentityPool(
                r ->
                    r.identityPoolName("notes")
                        .allowUnauthenticatedIdentities(true)
                        .supportedLoginProviders(Map.of("graph.facebook.com", "fb-app-id")))
            .identityPoolId();
    admin.setIdentityPoolRoles(
        r ->
            r.identityPoolId(pool)
                .roles(
                    Map.of(
                        "unauthenticated", "arn:aws:iam::123456789012:role/NotesGuest",
                        "authenticated", "arn:aws:iam::123456789012:role/NotesUser")));
  }

  @Test
  void aGuestKeepsItsNotesWhenItLogsIn(CognitoSyncMock mock) {
    try (SignedInNotes app = new SignedInNotes(mock.endpoint(), Region.US_EAST_1, pool, null)) {
      String guest = app.signInAsGuest();
      app.save("shopping", "milk");
      assertThat(app.signIn(Map.of("graph.facebook.com", "facebook-token-of-ann")))
          .isEqualTo(guest);
      assertThat(app.notes("notes")).containsEntry("shopping", "milk");
    }
  }

  @Test
  void aSecondDeviceMergesIntoTheUsersIdentity(CognitoSyncMock mock) {
    String ann;
    try (SignedInNotes phone = new SignedInNotes(mock.endpoint(), Region.US_EAST_1, pool, null)) {
      phone.signInAsGuest();
      ann = phone.signIn(Map.of("graph.facebook.com", "facebook-token-of-ann"));
      phone.save("todo", "call mum");
    }
    try (SignedInNotes tablet = new SignedInNotes(mock.endpoint(), Region.US_EAST_1, pool, null)) {
      String tabletGuest = tablet.signInAsGuest();
      tablet.save("draft", "written offline");
      assertThat(tablet.signIn(Map.of("graph.facebook.com", "facebook-token-of-ann")))
          .isEqualTo(ann);
      assertThat(tablet.notes("notes")).containsEntry("todo", "call mum");
      assertThat(tablet.mergedNotes()).containsExactly("notes." + tabletGuest);
      assertThat(tablet.notes("notes." + tabletGuest)).containsEntry("draft", "written offline");
    }
  }
}
