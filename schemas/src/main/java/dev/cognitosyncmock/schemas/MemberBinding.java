package dev.cognitosyncmock.schemas;

/**
 * One member of an operation's input or output structure and how it is bound to the HTTP message.
 *
 * @param member member name in the model, e.g. {@code LastSyncCount}
 * @param location where it travels
 * @param locationName wire name: path label, query parameter or header name; the member name for
 *     body members
 * @param shape name of the target shape, e.g. {@code Long}
 * @param type botocore type of the target shape: string, long, integer, boolean, timestamp,
 *     structure, list, map
 * @param required whether the enclosing structure lists the member as required
 */
public record MemberBinding(
    String member,
    Location location,
    String locationName,
    String shape,
    String type,
    boolean required) {}
