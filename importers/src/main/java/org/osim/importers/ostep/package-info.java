/** The OSTEP homework simulators' workloads, generated exactly as the scripts generate them. */
package org.osim.importers.ostep;
