package dev.cognitosyncmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Holds repeated {@link CognitoSyncFault} annotations. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CognitoSyncFaults {
  /**
   * The faults, in the order they are added.
   *
   * @return the repeated annotations
   */
  CognitoSyncFault[] value();
}
