package dev.comptoir.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComptoirCommandTest {
    private final Cli cli = new Cli();


    @Test
    void help_listsSubcommandsAndExitCodes() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("bench").contains("Exit codes");
    }

    @Test
    void version_printsNameAndJvm() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).contains("comptoir-sim").contains("JVM");
    }

    @Test
    void noSubcommand_isUsageErrorWithExitCode2() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing subcommand");
    }

    @Test
    void unknownOption_isUsageErrorWithExitCode2() {
        assertThat(cli.run("--no-such-option")).isEqualTo(2);
        assertThat(cli.err()).contains("--no-such-option");
    }

    @Test
    void benchWithoutBenchmark_isUsageError() {
        assertThat(cli.run("bench")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing benchmark");
    }
}
