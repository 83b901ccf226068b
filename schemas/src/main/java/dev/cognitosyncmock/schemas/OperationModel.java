package dev.cognitosyncmock.schemas;

import java.util.List;

/**
 * One operation of the service model with its HTTP binding.
 *
 * @param name operation name, e.g. {@code ListRecords}
 * @param method HTTP method
 * @param requestUri URI template, e.g. {@code
 *     /identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets}
 * @param responseCode HTTP status of a successful response
 * @param inputShape name of the input structure
 * @param outputShape name of the output structure, {@code null} when the operation has none
 * @param errors error shape names in model order
 * @param inputMembers input members in model order
 * @param outputMembers output members in model order (empty when there is no output shape)
 */
public record OperationModel(
    String name,
    String method,
    String requestUri,
    int responseCode,
    String inputShape,
    String outputShape,
    List<String> errors,
    List<MemberBinding> inputMembers,
    List<MemberBinding> outputMembers) {

  public OperationModel {
    errors = List.copyOf(errors);
    inputMembers = List.copyOf(inputMembers);
    outputMembers = List.copyOf(outputMembers);
  }

  /** Input members bound to one location, in model order. */
  public List<MemberBinding> inputMembers(Location location) {
    return inputMembers.stream().filter(m -> m.location() == location).toList();
  }

  /** The input member with this model name. */
  public MemberBinding inputMember(String member) {
    return inputMembers.stream()
        .filter(m -> m.member().equals(member))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no input member " + member));
  }
}
