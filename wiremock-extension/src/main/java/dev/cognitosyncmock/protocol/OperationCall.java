package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.IdentityKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One validated call: the operation's input document and who is calling. */
public record OperationCall(String operation, ObjectNode input, Caller caller) {

  public String string(String member) {
    JsonNode v = input.get(member);
    return v == null ? null : v.asString();
  }

  public Long longValue(String member) {
    JsonNode v = input.get(member);
    return v == null ? null : v.asLong();
  }

  public Integer intValue(String member) {
    JsonNode v = input.get(member);
    if (v == null) {
      return null;
    }
    long n = v.asLong();
    // a count beyond int range is as good as "no limit"
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
  }

  public String identityPoolId() {
    return string("IdentityPoolId");
  }

  public IdentityKey identity() {
    return new IdentityKey(identityPoolId(), string("IdentityId"));
  }

  public DatasetKey dataset() {
    return identity().dataset(string("DatasetName"));
  }
}
