/** Typed events of a run that observers subscribe to, each stamped with simulated time. */
package org.osim.api.trace;
