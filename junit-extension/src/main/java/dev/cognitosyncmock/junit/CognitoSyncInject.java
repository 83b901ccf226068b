package dev.cognitosyncmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field the extension fills in: a {@code CognitoSyncClient}, a {@code
 * CognitoSyncAsyncClient}, the endpoint {@link java.net.URI} or the {@link CognitoSyncMock} handle.
 * Static fields are set before {@code @BeforeAll} methods, instance fields before
 * {@code @BeforeEach} methods. On parameters it is the qualifier that shared types need: the mock's
 * clients and handle are injected without it, a {@code URI} only as {@code @CognitoSyncInject URI
 * endpoint}, so that other extensions may resolve URIs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface CognitoSyncInject {}
