package dev.comptoir.sim.engine;

/** Thrown by the fault hook to kill a saga runtime or projection runner mid-step (an Error, like a real crash). */
final class SimulatedCrash extends Error {
    SimulatedCrash(String where) {
        super("simulated crash " + where, null, false, false);
    }
}
