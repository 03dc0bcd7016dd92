package dev.comptoir.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ComptoirCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ComptoirCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void help_listsSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("bench").contains("Exit codes");
    }

    @Test
    void version_printsNameAndJvm() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("comptoir-sim").contains("JVM");
    }

    @Test
    void noSubcommand_isUsageErrorWithExitCode2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void unknownOption_isUsageErrorWithExitCode2() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void benchWithoutBenchmark_isUsageError() {
        assertThat(run("bench")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing benchmark");
    }
}
