package dev.cognitosyncmock.identity;

/**
 * What an identity change means for the Sync data of the same pools and identities: the two
 * services meet in state, never in each other's code. The server wiring implements it on the Sync
 * engine.
 */
public interface SyncDataHooks {
  SyncDataHooks NONE = new SyncDataHooks() {};

  /** CreateIdentityPool: the pool Sync serves, even with strict pools. */
  default void poolCreated(String identityPoolId) {}

  /** DeleteIdentityPool with Sync data deletion on (H15). */
  default void poolDeleted(String identityPoolId) {}

  /** DeleteIdentities with Sync data deletion on (H32). */
  default void identityDeleted(String identityPoolId, String identityId) {}

  /**
   * A merge: each dataset D of {@code absorbed} lives on as {@code D.<absorbed>} under the survivor
   * (H30, E3). Answers the merged datasets' names.
   */
  default java.util.List<String> identitiesMerged(
      String identityPoolId, String survivor, String absorbed) {
    return java.util.List.of();
  }
}
