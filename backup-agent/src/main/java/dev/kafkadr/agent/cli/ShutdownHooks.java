package dev.kafkadr.agent.cli;

import dev.kafkadr.agent.AgentRuntime;

/** SIGTERM/SIGINT handling: stop the agent so a run in progress is abandoned, never half-committed. Stateless. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Service mode: stop the schedule and cancel a run in progress. */
    static void stopOnTerm(AgentRuntime runtime) {
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "kdr-agent-shutdown"));
    }

    /** --once: cancel the run; it then fails without committing and the process exits. */
    static void cancelOnTerm(AgentRuntime runtime) {
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "kdr-agent-shutdown"));
    }
}
