/** The discrete-event engine and the simulated machine: CPUs, clock, devices and the cost profile. */
package org.osim.hardware;
