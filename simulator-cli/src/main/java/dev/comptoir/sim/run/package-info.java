/**
 * The simulation subcommands of {@code comptoir-sim}: {@code run}, {@code replay}, {@code explore}
 * and {@code scenarios}, their shared option mixins, and the summary, JSON and HTML outputs.
 */
package dev.comptoir.sim.run;
