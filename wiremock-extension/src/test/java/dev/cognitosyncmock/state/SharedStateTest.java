package dev.cognitosyncmock.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state's owner: changes reach listeners in order, and a call settles once, at its end. */
class SharedStateTest {
  record Changed(String what) implements StateChange {}

  final SharedState state = new SharedState();
  final List<String> seen = new ArrayList<>();

  SharedStateTest() {
    state.addListener(
        new StateListener() {
          @Override
          public void onChange(StateChange change) {
            seen.add(((Changed) change).what());
          }

          @Override
          public void settled() {
            seen.add("settled");
          }
        });
  }

  @Test
  void aNestedCallSettlesOnceWhenTheOutermostLetsGoOfTheLock() {
    state.shared(
        () -> {
          state.publish(new Changed("a"));
          state.shared(
              () -> {
                state.publish(new Changed("b"));
                return null;
              });
          return null;
        });
    state.exclusive(
        () -> {
          state.publish(new Changed("c"));
          return null;
        });
    assertThat(seen).containsExactly("a", "b", "settled", "c", "settled");
  }

  @Test
  void aFailedCallStillSettles() {
    assertThatThrownBy(
            () ->
                state.shared(
                    () -> {
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    assertThat(seen).containsExactly("settled");
  }
}
