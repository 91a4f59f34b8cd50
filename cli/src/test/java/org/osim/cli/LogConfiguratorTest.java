package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The command line's logging is set up in code: one appender on standard error, osim at WARN unless OSIM_LOG says. */
class LogConfiguratorTest {
    @Test
    void withoutATestConfigurationItSetsUpStandardErrorAtWarn() {
        LoggerContext context = new LoggerContext();
        LogConfigurator c = new LogConfigurator("no-such-resource.xml");
        c.setContext(context);
        assertThat(c.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        String env = System.getProperty("OSIM_LOG", System.getenv("OSIM_LOG"));
        assertThat(context.getLogger("org.osim").getLevel()).isEqualTo(Level.toLevel(env, Level.WARN));
    }

    @Test
    void aTestConfigurationOnTheClassPathTakesPrecedence() {
        LoggerContext context = new LoggerContext();
        LogConfigurator c = new LogConfigurator();
        c.setContext(context);
        assertThat(c.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }
}
