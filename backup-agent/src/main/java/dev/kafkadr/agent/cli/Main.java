package dev.kafkadr.agent.cli;

import dev.kafkadr.cli.Cli;

/** Entry point of {@code kdr-agent}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Cli.main(new AgentCommand(), args);
    }
}
