package io.gipc.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gipc.sample.examples.Example;
import io.gipc.sample.examples.MessagesExample;
import io.gipc.sample.examples.TcpEchoExample;
import io.gipc.sample.examples.TimeSyncExample;
import org.junit.jupiter.api.Test;

class ExampleTests {

    @Test
    void noArgumentStartsTheWebService() {
        assertThat(Example.parse()).isEmpty();
        assertThat(Example.parse("--server.port=9090")).isEmpty();
    }

    @Test
    void readsTheExamplesAndTheirOptionsInBothForms() {
        assertThat(Example.parse("example1")).contains(new MessagesExample(0));
        assertThat(Example.parse("example1", "--messages", "3")).contains(new MessagesExample(3));
        assertThat(Example.parse("example2")).contains(new TcpEchoExample(1000));
        assertThat(Example.parse("example2", "--clients=10")).contains(new TcpEchoExample(10));
        assertThat(Example.parse("example3")).contains(new TimeSyncExample());
    }

    @Test
    void refusesWrongOptionsNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Example.parse("example2", "--clients", "0"))
                .withMessage("example2: --clients must be at least 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Example.parse("example1", "--clients", "3"))
                .withMessage("example1: unexpected argument '--clients'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Example.parse("example3", "now"))
                .withMessage("example3: unexpected argument 'now'");
    }
}
