/** SimSo's XML configuration files: real-time task sets and the scheduler class they run under. */
package org.osim.importers.simso;
