package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.ServiceException;
import java.time.Duration;

/**
 * Told of every call that passed validation, before its handler runs (fault injection, scenario
 * recording). {@link #intercept} may throw {@link ServiceException} (or return one in the {@link
 * Interception}) to answer with a modeled error, run something first (a conflicting write), ask for
 * a delay, or replace the answer by a broken connection.
 */
public interface CallInterceptor {
  CallInterceptor NONE = (call, context) -> Interception.NONE;

  /**
   * @param context the request's context: what the adapter passed, and room to keep state
   */
  Interception intercept(OperationCall call, RequestContext context);

  /**
   * The response sent for a call this interceptor saw, whatever the outcome (including its own
   * error, delay or connection fault). Called once per {@link #intercept}, after it.
   */
  default void completed(OperationCall call, ProtocolResponse response, RequestContext context) {}

  /**
   * What to do with the call.
   *
   * @param error answer with this error instead of running the handler; null: run it
   * @param delay wait this long before answering; null or zero: no delay
   * @param connectionFault break the connection instead of answering; null: answer
   * @param runHandler with a connection fault: whether the call is applied before the connection
   *     breaks (a lost response) or not at all (a lost request)
   */
  record Interception(
      ServiceException error, Duration delay, ConnectionFault connectionFault, boolean runHandler) {
    public static final Interception NONE = new Interception(null, null, null, true);

    public boolean skipsHandler() {
      return error != null || (connectionFault != null && !runHandler);
    }
  }
}
