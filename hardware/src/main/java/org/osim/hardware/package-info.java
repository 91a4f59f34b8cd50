/**
 * The discrete-event engine and the simulated machine: CPUs and the unit that executes the instruction set,
 * the clock, the memory bus, devices, the random-interrupt source and the cost profile.
 */
package org.osim.hardware;
